package io.modelopt.ui;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without Chromium the browser tests are skipped locally and fail under CI. */
class ChromiumSkipRuleTest {

    private static final File MISSING = new File("/nonexistent/chromium");

    @Test
    void missingBrowserSkipsWithTheInstallHintOutsideCi() {
        assertThatThrownBy(() -> Chromium.requireInstalled(MISSING, Chromium.DRIVER, null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install chromium chromium-driver");
    }

    @Test
    void missingDriverFailsUnderCi() {
        assertThatThrownBy(() -> Chromium.requireInstalled(Chromium.BROWSER, MISSING, "true"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("install Debian's chromium and chromium-driver");
    }

    @Test
    void installedBinariesPass() {
        File present = new File("/bin/sh");

        assertThatCode(() -> Chromium.requireInstalled(present, present, "true"))
                .doesNotThrowAnyException();
    }
}
