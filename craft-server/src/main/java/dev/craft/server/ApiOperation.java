package dev.craft.server;

/** One operation of the OpenAPI document, for the human-readable API page. */
public record ApiOperation(String method, String path, String summary, String description) {}
