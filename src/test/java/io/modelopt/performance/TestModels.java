package io.modelopt.performance;

/**
 * Architectures used by the tests, from the models' public configs (the same figures as
 * {@code src/test/resources/calibration/models.csv}, which cites them).
 */
final class TestModels {

    static final ModelArchitecture BERT_LARGE = new ModelArchitecture("BERT-Large",
            Family.ENCODER, 335.0, 24, 1024, 16, 16, 4096, 30522, null, null, null);
    static final ModelArchitecture BERT_BASE = new ModelArchitecture("BERT-Base",
            Family.ENCODER, 110.0, 12, 768, 12, 12, 3072, 30522, null, null, null);
    static final ModelArchitecture LLAMA2_7B = new ModelArchitecture("Llama-2-7B",
            Family.DECODER, 6738.0, 32, 4096, 32, 32, 11008, 32000, null, null, null);
    static final ModelArchitecture LLAMA2_70B = new ModelArchitecture("Llama-2-70B",
            Family.DECODER, 68977.0, 80, 8192, 64, 8, 28672, 32000, null, null, null);
    static final ModelArchitecture GPT_J = new ModelArchitecture("GPT-J 6B",
            Family.DECODER, 6053.0, 28, 4096, 16, 16, 16384, 50400, null, null, null);
    static final ModelArchitecture MIXTRAL = new ModelArchitecture("Mixtral-8x7B",
            Family.MOE, 46703.0, 32, 4096, 32, 8, 14336, 32000, 8, 2, null);
    /** huggingface.co/t5-base config.json: 12 + 12 layers, d_model 768, 12 heads, d_ff 3072. */
    static final ModelArchitecture T5_BASE = new ModelArchitecture("T5-base",
            Family.ENCODER_DECODER, 223.0, 12, 768, 12, 12, 3072, 32128, null, null, null);
    static final ModelArchitecture RESNET50 = new ModelArchitecture("ResNet-50 v1.5",
            Family.CNN, 25.557, 54, null, null, null, null, null, null, null, 8.18);

    private TestModels() {
    }
}
