// The default sender: writes each notification to the structured log (pino); its lead-derived text only at debug level.
import { translate } from "../texts";
import { type Lang } from "../../engine";
import type { NotificationSender, OutgoingNotification, SenderLogger } from "./types";

export class LogSender implements NotificationSender {
  readonly name = "log";
  constructor(
    private readonly logger: SenderLogger,
    private readonly lang: Lang = "en",
  ) {}

  async send({ flowId, leadId, owner, notification: n }: OutgoingNotification): Promise<void> {
    // Subject and body are rendered from lead data (names, emails, companies): kept out of the log at the default level.
    this.logger.info(
      { event: "notification", flow: flowId, lead: leadId, owner, node: n.node, channel: n.channel, to: n.to },
      translate("sender.notification", { channel: n.channel, to: n.to.join(", "), node: n.node, lead: leadId }, this.lang),
    );
    this.logger.debug?.({ event: "notification_text", flow: flowId, lead: leadId, node: n.node, subject: n.subject, body: n.body });
  }
}
