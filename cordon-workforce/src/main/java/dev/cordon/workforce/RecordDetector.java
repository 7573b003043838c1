package dev.cordon.workforce;

import dev.cordon.core.Finding;
import java.util.function.Consumer;

/** A detector over the HR/payroll/applicant records as a whole. */
public interface RecordDetector {
    String name();

    void onRecords(HrDirectory records, Consumer<Finding> out);
}
