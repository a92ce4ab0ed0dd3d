package dev.craft.core;

import java.util.List;
import java.util.Optional;

/**
 * The essential cybersecurity requirements of Annex I of Regulation (EU) 2024/2847 that a risk
 * assessment must address one by one (Art. 13(3)): Part I point (2)(a)–(m) and Part II points
 * (1)–(8), worded as in the consolidated text of 20.11.2024. The only changes to the reference text
 * join words that the PDF conversion split ("vulner abilities", "third- party"); a test checks
 * every text against the reference file.
 */
public final class EssentialRequirements {
  private static final List<EssentialRequirement> ALL =
      List.of(
          r(
              "I-2-a",
              "Annex I, Part I, point (2)(a)",
              "be made available on the market without known exploitable vulnerabilities;"),
          r(
              "I-2-b",
              "Annex I, Part I, point (2)(b)",
              "be made available on the market with a secure by default configuration, unless otherwise agreed between manufacturer and business user in relation to a tailor-made product with digital elements, including the possibility to reset the product to its original state;"),
          r(
              "I-2-c",
              "Annex I, Part I, point (2)(c)",
              "ensure that vulnerabilities can be addressed through security updates, including, where applicable, through automatic security updates that are installed within an appropriate timeframe enabled as a default setting, with a clear and easy-to-use opt-out mechanism, through the notification of available updates to users, and the option to temporarily postpone them;"),
          r(
              "I-2-d",
              "Annex I, Part I, point (2)(d)",
              "ensure protection from unauthorised access by appropriate control mechanisms, including but not limited to authentication, identity or access management systems, and report on possible unauthorised access;"),
          r(
              "I-2-e",
              "Annex I, Part I, point (2)(e)",
              "protect the confidentiality of stored, transmitted or otherwise processed data, personal or other, such as by encrypting relevant data at rest or in transit by state of the art mechanisms, and by using other technical means;"),
          r(
              "I-2-f",
              "Annex I, Part I, point (2)(f)",
              "protect the integrity of stored, transmitted or otherwise processed data, personal or other, commands, programs and configuration against any manipulation or modification not authorised by the user, and report on corruptions;"),
          r(
              "I-2-g",
              "Annex I, Part I, point (2)(g)",
              "process only data, personal or other, that are adequate, relevant and limited to what is necessary in relation to the intended purpose of the product with digital elements (data minimisation);"),
          r(
              "I-2-h",
              "Annex I, Part I, point (2)(h)",
              "protect the availability of essential and basic functions, also after an incident, including through resilience and mitigation measures against denial-of-service attacks;"),
          r(
              "I-2-i",
              "Annex I, Part I, point (2)(i)",
              "minimise the negative impact by the products themselves or connected devices on the availability of services provided by other devices or networks;"),
          r(
              "I-2-j",
              "Annex I, Part I, point (2)(j)",
              "be designed, developed and produced to limit attack surfaces, including external interfaces;"),
          r(
              "I-2-k",
              "Annex I, Part I, point (2)(k)",
              "be designed, developed and produced to reduce the impact of an incident using appropriate exploitation mitigation mechanisms and techniques;"),
          r(
              "I-2-l",
              "Annex I, Part I, point (2)(l)",
              "provide security related information by recording and monitoring relevant internal activity, including the access to or modification of data, services or functions, with an opt-out mechanism for the user;"),
          r(
              "I-2-m",
              "Annex I, Part I, point (2)(m)",
              "provide the possibility for users to securely and easily remove on a permanent basis all data and settings and, where such data can be transferred to other products or systems, ensure that this is done in a secure manner."),
          r(
              "II-1",
              "Annex I, Part II, point (1)",
              "identify and document vulnerabilities and components contained in products with digital elements, including by drawing up a software bill of materials in a commonly used and machine-readable format covering at the very least the top-level dependencies of the products;"),
          r(
              "II-2",
              "Annex I, Part II, point (2)",
              "in relation to the risks posed to products with digital elements, address and remediate vulnerabilities without delay, including by providing security updates; where technically feasible, new security updates shall be provided separately from functionality updates;"),
          r(
              "II-3",
              "Annex I, Part II, point (3)",
              "apply effective and regular tests and reviews of the security of the product with digital elements;"),
          r(
              "II-4",
              "Annex I, Part II, point (4)",
              "once a security update has been made available, share and publicly disclose information about fixed vulnerabilities, including a description of the vulner abilities, information allowing users to identify the product with digital elements affected, the impacts of the vulnerabilities, their severity and clear and accessible information helping users to remediate the vulner abilities; in duly justified cases, where manufacturers consider the security risks of publication to outweigh the security benefits, they may delay making public information regarding a fixed vulnerability until after users have been given the possibility to apply the relevant patch;"),
          r(
              "II-5",
              "Annex I, Part II, point (5)",
              "put in place and enforce a policy on coordinated vulnerability disclosure;"),
          r(
              "II-6",
              "Annex I, Part II, point (6)",
              "take measures to facilitate the sharing of information about potential vulner abilities in their product with digital elements as well as in third-party components contained in that product, including by providing a contact address for the reporting of the vulnerabilities discovered in the product with digital elements;"),
          r(
              "II-7",
              "Annex I, Part II, point (7)",
              "provide for mechanisms to securely distribute updates for products with digital elements to ensure that vulnerabilities are fixed or mitigated in a timely manner and, where applicable for security updates, in an automatic manner;"),
          r(
              "II-8",
              "Annex I, Part II, point (8)",
              "ensure that, where security updates are available to address identified security issues, they are disseminated without delay and, unless otherwise agreed between a manufacturer and a business user in relation to a tailor-made product with digital elements, free of charge, accompanied by advisory messages providing users with the relevant information, including on potential action to be taken."));

  private EssentialRequirements() {}

  /** Part I (2)(a)–(m), then Part II (1)–(8). */
  public static List<EssentialRequirement> all() {
    return ALL;
  }

  public static Optional<EssentialRequirement> find(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The requirement, or {@link InvalidInputException} naming the unknown id. */
  public static EssentialRequirement get(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown essential requirement '"
                        + id
                        + "' (expected I-2-a … I-2-m or II-1 … II-8)"));
  }

  private static EssentialRequirement r(String id, String basis, String text) {
    return new EssentialRequirement(id, basis, text);
  }
}
