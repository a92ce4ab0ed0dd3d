package dev.craft.server;

/** A way to deliver an escalation: e-mail or webhook. Throws when delivery failed. */
interface EscalationChannel {
  /** The name recorded with each sent escalation: "email" or "webhook". */
  String name();

  void send(Escalation escalation);
}
