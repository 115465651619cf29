package io.modelopt.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParsingTest {

    @Test
    void precisionParsesCaseInsensitively() {
        assertThat(Precision.parse("fp16")).isEqualTo(Precision.FP16);
        assertThat(Precision.parse(" Bf16 ")).isEqualTo(Precision.BF16);
        assertThat(Precision.parse("int4")).isEqualTo(Precision.INT4);
        assertThat(Precision.INT4.bytesPerParameter()).isEqualTo(0.5);
    }

    @Test
    void familyParsesHyphenatedNames() {
        assertThat(Family.parse("encoder-decoder")).isEqualTo(Family.ENCODER_DECODER);
        assertThat(Family.parse("ViT")).isEqualTo(Family.VIT);
        assertThat(Family.parse("moe")).isEqualTo(Family.MOE);
    }

    @Test
    void runtimeParsesHyphenatedNames() {
        assertThat(Runtime.parse("tensorrt-llm")).isEqualTo(Runtime.TENSORRT_LLM);
        assertThat(Runtime.parse("PyTorch")).isEqualTo(Runtime.PYTORCH);
        assertThat(Runtime.parse("onnxruntime")).isEqualTo(Runtime.ONNXRUNTIME);
        assertThat(TaskType.parse("Training")).isEqualTo(TaskType.TRAINING);
    }

    @Test
    void unknownNamesAreRejected() {
        assertThatThrownBy(() -> Precision.parse("fp12"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Runtime.parse("tensorflow"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchSizeBelowOneIsRejected() {
        assertThatThrownBy(() -> BatchSize.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BatchSize.auto().isAuto()).isTrue();
    }
}
