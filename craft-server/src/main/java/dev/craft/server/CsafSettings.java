package dev.craft.server;

/**
 * CSAF publishing settings.
 *
 * @param publisherName the manufacturer named as publisher and vendor branch
 * @param publisherNamespace the publisher's namespace URL (default: the public URL)
 * @param trackingPrefix first part of generated tracking ids ({@code <prefix>-<year>-<n>})
 */
public record CsafSettings(
    String publisherName, String publisherNamespace, String trackingPrefix) {}
