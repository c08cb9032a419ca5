// The notify's executor: renders the template for the lead and puts the message in the outbox; the lead passes through.
import type { NodeOf } from "../../src/engine/document/schema";
import type { CompileContext, NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { parseTemplate, renderTemplate } from "./template";

export function compileNotify(node: NodeOf<"notify">, ctx: CompileContext): NodeExecutor {
  const { channel, to } = node.config;
  const body = parseTemplate(node.config.template).segments;
  const subject = parseTemplate(node.config.subject ?? "").segments;
  const flowScope = { id: ctx.flow.id, name: ctx.flow.name, description: ctx.flow.description ?? "" };
  const name = nodeName(node);
  return {
    bind: () => ({
      step(lead) {
        let recipients: string[];
        if (to === "owner") recipients = lead.owner ? [lead.owner.email ?? lead.owner.id] : [];
        else if (to === "team")
          recipients = lead.team ? lead.team.members.filter((m) => m.active !== false).map((m) => m.email ?? m.id) : [];
        else recipients = [to];
        if (recipients.length === 0) {
          if (lead.trace) lead.note(node.id, "notify.no_recipient", { node: name, to });
          return "out";
        }
        const scopes = {
          lead: lead.data,
          owner: lead.owner,
          team: lead.team ? { id: lead.team.id, name: lead.team.name } : null,
          flow: flowScope,
        };
        const message = {
          node: node.id,
          channel,
          to: recipients,
          subject: renderTemplate(subject, scopes),
          body: renderTemplate(body, scopes),
        };
        lead.notify(message);
        if (lead.trace) lead.note(node.id, "notify.sent", { channel, to: recipients.join(", "), subject: message.subject });
        return "out";
      },
    }),
  };
}
