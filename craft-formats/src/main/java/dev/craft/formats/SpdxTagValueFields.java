package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.formats.SpdxTagValueReader.SpdxTagValueParser;

/** The tag tables of SPDX 2.3 tag-value (spec clauses 7–10), mapped to the JSON field names. */
final class SpdxTagValueFields {
  private SpdxTagValueFields() {}

  private static JsonNode text(String value) {
    return Json.NODES.textNode(value);
  }

  private static ObjectNode checksum(String value) {
    String[] parts = value.split(":\\s*", 2);
    return Json.object()
        .put("algorithm", parts[0].strip())
        .put("checksumValue", parts.length > 1 ? parts[1].strip() : "");
  }

  static boolean packageTag(SpdxTagValueParser p, String tag, String value, int line) {
    switch (tag) {
      case "PackageVersion" -> p.putText("versionInfo", value, line);
      case "PackageFileName" -> p.putText("packageFileName", value, line);
      case "PackageSupplier" -> p.putText("supplier", value, line);
      case "PackageOriginator" -> p.putText("originator", value, line);
      case "PackageDownloadLocation" -> p.putText("downloadLocation", value, line);
      case "FilesAnalyzed" ->
          p.putValue("filesAnalyzed", Json.NODES.booleanNode(Boolean.parseBoolean(value)), line);
      case "PackageVerificationCode" -> {
        ObjectNode code = Json.object();
        int excludes = value.indexOf("(excludes:");
        if (excludes >= 0) {
          code.put("packageVerificationCodeValue", value.substring(0, excludes).strip());
          String files = value.substring(excludes + 10).replace(")", "").strip();
          var list = code.putArray("packageVerificationCodeExcludedFiles");
          for (String f : files.split(",")) {
            list.add(f.strip());
          }
        } else {
          code.put("packageVerificationCodeValue", value);
        }
        p.putValue("packageVerificationCode", code, line);
      }
      case "PackageChecksum" -> p.append("checksums", checksum(value), line);
      case "PackageHomePage" -> p.putText("homepage", value, line);
      case "PackageSourceInfo" -> p.putText("sourceInfo", value, line);
      case "PackageLicenseConcluded" -> p.putText("licenseConcluded", value, line);
      case "PackageLicenseInfoFromFiles" -> p.append("licenseInfoFromFiles", text(value), line);
      case "PackageLicenseDeclared" -> p.putText("licenseDeclared", value, line);
      case "PackageLicenseComments" -> p.putText("licenseComments", value, line);
      case "PackageCopyrightText" -> p.putText("copyrightText", value, line);
      case "PackageSummary" -> p.putText("summary", value, line);
      case "PackageDescription" -> p.putText("description", value, line);
      case "PackageComment" -> p.putText("comment", value, line);
      case "PackageAttributionText" -> p.append("attributionTexts", text(value), line);
      case "PrimaryPackagePurpose" -> p.putText("primaryPackagePurpose", value, line);
      case "ReleaseDate" -> p.putText("releaseDate", value, line);
      case "BuiltDate" -> p.putText("builtDate", value, line);
      case "ValidUntilDate" -> p.putText("validUntilDate", value, line);
      case "ExternalRef" -> {
        String[] parts = value.split("\\s+", 3);
        ObjectNode ref = Json.object().put("referenceCategory", parts[0]);
        ref.put("referenceType", parts.length > 1 ? parts[1] : "");
        ref.put("referenceLocator", parts.length > 2 ? parts[2] : "");
        p.append("externalRefs", ref, line);
        p.lastExternalRef(ref);
      }
      case "ExternalRefComment" -> {
        if (p.lastExternalRef() == null) {
          return false;
        }
        p.lastExternalRef().put("comment", value);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  static boolean fileTag(SpdxTagValueParser p, String tag, String value, int line) {
    switch (tag) {
      case "FileType" -> p.append("fileTypes", text(value), line);
      case "FileChecksum" -> p.append("checksums", checksum(value), line);
      case "LicenseConcluded" -> p.putText("licenseConcluded", value, line);
      case "LicenseInfoInFile" -> p.append("licenseInfoInFiles", text(value), line);
      case "LicenseComments" -> p.putText("licenseComments", value, line);
      case "FileCopyrightText" -> p.putText("copyrightText", value, line);
      case "FileComment" -> p.putText("comment", value, line);
      case "FileNotice" -> p.putText("noticeText", value, line);
      case "FileContributor" -> p.append("fileContributors", text(value), line);
      case "FileAttributionText" -> p.append("attributionTexts", text(value), line);
      case "FileDependency" -> p.append("fileDependencies", text(value), line);
      default -> {
        return false;
      }
    }
    return true;
  }

  static boolean snippetTag(SpdxTagValueParser p, String tag, String value, int line) {
    switch (tag) {
      case "SnippetFromFileSPDXID" -> p.putText("snippetFromFile", value, line);
      case "SnippetByteRange", "SnippetLineRange" -> {
        String[] parts = value.split(":", 2);
        String key = tag.equals("SnippetByteRange") ? "offset" : "lineNumber";
        ObjectNode range = Json.object();
        range.putObject("startPointer").put(key, parse(parts[0]));
        range.putObject("endPointer").put(key, parse(parts.length > 1 ? parts[1] : ""));
        p.append("ranges", range, line);
      }
      case "SnippetLicenseConcluded" -> p.putText("licenseConcluded", value, line);
      case "LicenseInfoInSnippet" -> p.append("licenseInfoInSnippets", text(value), line);
      case "SnippetLicenseComments" -> p.putText("licenseComments", value, line);
      case "SnippetCopyrightText" -> p.putText("copyrightText", value, line);
      case "SnippetComment" -> p.putText("comment", value, line);
      case "SnippetName" -> p.putText("name", value, line);
      case "SnippetAttributionText" -> p.append("attributionTexts", text(value), line);
      default -> {
        return false;
      }
    }
    return true;
  }

  static boolean licenseTag(SpdxTagValueParser p, String tag, String value, int line) {
    switch (tag) {
      case "ExtractedText" -> p.putText("extractedText", value, line);
      case "LicenseName" -> p.putText("name", value, line);
      case "LicenseCrossReference" -> p.append("seeAlsos", text(value), line);
      case "LicenseComment" -> p.putText("comment", value, line);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static int parse(String number) {
    try {
      return Integer.parseInt(number.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
