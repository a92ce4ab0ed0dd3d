package dev.craft.server;

import java.time.Duration;

/**
 * Coordinated vulnerability disclosure settings: where researchers reach the PSIRT, how fast
 * receipt is acknowledged, and the public form's limits.
 *
 * @param contact the security.txt {@code Contact:} value (mailto: or https:); empty = the report
 *     form's URL
 * @param encryption URL of the OpenPGP key researchers may encrypt with; empty = none
 * @param acknowledgeWithin the acknowledgement clock started by each report
 * @param maxReportsPerHour reports accepted per client address and hour
 * @param maxReportChars largest description accepted
 * @param openpgpKey the CVD OpenPGP key: empty = none, {@code generate} = a key generated into the
 *     data directory, otherwise the path of an armored key file (secret key: security.txt is signed
 *     and encrypted reports are decrypted on view; public key only: encrypted reports are checked)
 */
public record CvdSettings(
    String contact,
    String encryption,
    Duration acknowledgeWithin,
    int maxReportsPerHour,
    int maxReportChars,
    Duration securityTxtValidity,
    String openpgpKey) {}
