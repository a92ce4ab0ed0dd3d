package dev.craft.core;

import java.util.List;

/**
 * The product categories of Annex III (important products, classes I and II) and Annex IV (critical
 * products) of Regulation (EU) 2024/2847, worded as in the consolidated text of 20.11.2024. Only
 * two changes to the reference text: footnote markers such as "( 1 )" are left out, and the
 * line-break hyphen in "field- programmable" is joined. A test checks every text against the
 * reference file.
 */
public final class AnnexCategories {
  private static final List<AnnexCategory> ALL =
      List.of(
          c(
              "III",
              ProductClass.IMPORTANT_I,
              1,
              "Identity management systems and privileged access management software and hardware, including authentication and access control readers, including biometric readers"),
          c("III", ProductClass.IMPORTANT_I, 2, "Standalone and embedded browsers"),
          c("III", ProductClass.IMPORTANT_I, 3, "Password managers"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              4,
              "Software that searches for, removes, or quarantines malicious software"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              5,
              "Products with digital elements with the function of virtual private network (VPN)"),
          c("III", ProductClass.IMPORTANT_I, 6, "Network management systems"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              7,
              "Security information and event management (SIEM) systems"),
          c("III", ProductClass.IMPORTANT_I, 8, "Boot managers"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              9,
              "Public key infrastructure and digital certificate issuance software"),
          c("III", ProductClass.IMPORTANT_I, 10, "Physical and virtual network interfaces"),
          c("III", ProductClass.IMPORTANT_I, 11, "Operating systems"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              12,
              "Routers, modems intended for the connection to the internet, and switches"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              13,
              "Microprocessors with security-related functionalities"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              14,
              "Microcontrollers with security-related functionalities"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              15,
              "Application specific integrated circuits (ASIC) and field-programmable gate arrays (FPGA) with security-related functionalities"),
          c("III", ProductClass.IMPORTANT_I, 16, "Smart home general purpose virtual assistants"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              17,
              "Smart home products with security functionalities, including smart door locks, security cameras, baby monitoring systems and alarm systems"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              18,
              "Internet connected toys covered by Directive 2009/48/EC of the European Parliament and of the Council that have social interactive features (e.g. speaking or filming) or that have location tracking features"),
          c(
              "III",
              ProductClass.IMPORTANT_I,
              19,
              "Personal wearable products to be worn or placed on a human body that have a health monitoring (such as tracking) purpose and to which Regulation (EU) 2017/745 or (EU) No 2017/746 do not apply, or personal wearable products that are intended for the use by and for children"),
          c(
              "III",
              ProductClass.IMPORTANT_II,
              1,
              "Hypervisors and container runtime systems that support virtualised execution of operating systems and similar environments"),
          c(
              "III",
              ProductClass.IMPORTANT_II,
              2,
              "Firewalls, intrusion detection and prevention systems"),
          c("III", ProductClass.IMPORTANT_II, 3, "Tamper-resistant microprocessors"),
          c("III", ProductClass.IMPORTANT_II, 4, "Tamper-resistant microcontrollers"),
          c("IV", ProductClass.CRITICAL, 1, "Hardware Devices with Security Boxes"),
          c(
              "IV",
              ProductClass.CRITICAL,
              2,
              "Smart meter gateways within smart metering systems as defined in Article 2, point (23) of Directive (EU) 2019/944 of the European Parliament and of the Council and other devices for advanced security purposes, including for secure cryptoprocessing"),
          c(
              "IV",
              ProductClass.CRITICAL,
              3,
              "Smartcards or similar devices, including secure elements"));

  private AnnexCategories() {}

  /** All categories: Annex III class I (1–19), class II (1–4), then Annex IV (1–3). */
  public static List<AnnexCategory> all() {
    return ALL;
  }

  /** The categories of one class, in annex order. */
  public static List<AnnexCategory> of(ProductClass productClass) {
    return ALL.stream().filter(c -> c.productClass() == productClass).toList();
  }

  private static AnnexCategory c(String annex, ProductClass productClass, int n, String text) {
    return new AnnexCategory(annex, productClass, n, text);
  }
}
