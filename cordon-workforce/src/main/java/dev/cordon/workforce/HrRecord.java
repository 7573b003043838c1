package dev.cordon.workforce;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One person from HR, payroll or recruiting. Text fields are normalised at the parser (trimmed,
 * e-mail and accounts lower-cased, phone digits only with a leading '+'); empty when absent.
 *
 * @param person          stable person or applicant id; never empty
 * @param name            display name
 * @param status          employee, contractor or applicant
 * @param accounts        the person's accounts (login names, UPNs)
 * @param devices         devices assigned to the person (asset tags, host names)
 * @param country         claimed home country, ISO alpha-2, or empty
 * @param timeZone        claimed time zone
 * @param email           personal contact e-mail
 * @param phone           contact phone
 * @param bankAccount     payroll bank account (IBAN or routing/account), normalised to upper-case alphanumerics
 * @param address         home or shipping address, normalised to lower-case words
 * @param photoHash       hash of the profile or ID photo
 * @param hired           hire date
 * @param bankChanged     date the payroll bank account was last changed
 * @param source          file name
 * @param line            line in the file
 */
public record HrRecord(String person, String name, Status status, List<String> accounts, List<String> devices,
                       String country, Optional<ZoneId> timeZone, String email, String phone, String bankAccount,
                       String address, String photoHash, Optional<LocalDate> hired, Optional<LocalDate> bankChanged,
                       String source, long line) {
    /** Relationship of the record to the company. */
    public enum Status {
        EMPLOYEE, CONTRACTOR, APPLICANT
    }

    public HrRecord {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        accounts = List.copyOf(accounts);
        devices = List.copyOf(devices);
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(bankAccount, "bankAccount");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(photoHash, "photoHash");
        Objects.requireNonNull(hired, "hired");
        Objects.requireNonNull(bankChanged, "bankChanged");
        Objects.requireNonNull(source, "source");
        if (person.isBlank()) {
            throw new IllegalArgumentException("person id is empty");
        }
        if (!country.isEmpty() && !Geo.isCountryCode(country)) {
            throw new IllegalArgumentException("country must be an ISO alpha-2 code: " + country);
        }
    }
}
