package dev.craft.server;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** E-mail escalations over SMTP (Jakarta Mail with Eclipse Angus, ADR 042). */
final class MailChannel implements EscalationChannel {
  private final EscalationSettings settings;
  private final Session session;

  MailChannel(EscalationSettings settings) {
    this.settings = settings;
    var props = new Properties();
    props.put("mail.smtp.host", settings.smtpHost());
    props.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    props.put("mail.smtp.starttls.enable", Boolean.toString(settings.smtpStarttls()));
    props.put("mail.smtp.starttls.required", Boolean.toString(settings.smtpStarttls()));
    boolean auth = !settings.smtpUsername().isEmpty();
    props.put("mail.smtp.auth", Boolean.toString(auth));
    this.session =
        auth
            ? Session.getInstance(
                props,
                new jakarta.mail.Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(
                        settings.smtpUsername(), settings.smtpPassword());
                  }
                })
            : Session.getInstance(props);
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public void send(Escalation e) {
    try {
      var message = new MimeMessage(session);
      message.setFrom(new InternetAddress(settings.smtpFrom()));
      for (String to : settings.mailTo()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
      }
      message.setSubject(e.subject(), "UTF-8");
      message.setText(e.text(), "UTF-8");
      message.setSentDate(Date.from(e.now()));
      message.setHeader("X-Craft-Case", Long.toString(e.caseId()));
      Transport.send(message);
    } catch (MessagingException x) {
      throw new DeliveryException(
          "e-mail escalation to " + settings.mailTo() + " failed: " + x.getMessage(), x);
    }
  }
}
