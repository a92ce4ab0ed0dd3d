package dev.craft.cli;

import picocli.CommandLine.Command;

/** {@code craft audit}: offline tools for CRAFT's audit log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Work with exports of CRAFT's audit log.",
    subcommands = {AuditVerifyCommand.class})
public final class AuditCommand {}
