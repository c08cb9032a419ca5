// The default sender: writes each notification to the structured log (pino), for a downstream shipper to pick up.
import { translate } from "../texts";
import { type Lang } from "../../engine";
import "../service/messages";
import type { NotificationSender, OutgoingNotification, SenderLogger } from "./types";

export class LogSender implements NotificationSender {
  readonly name = "log";
  constructor(private readonly logger: SenderLogger, private readonly lang: Lang = "en") {}

  async send({ flowId, leadId, owner, notification: n }: OutgoingNotification): Promise<void> {
    this.logger.info(
      { event: "notification", flow: flowId, lead: leadId, owner, node: n.node, channel: n.channel, to: n.to, subject: n.subject, body: n.body },
      translate("sender.notification", { channel: n.channel, to: n.to.join(", "), subject: n.subject || n.body }, this.lang),
    );
  }
}
