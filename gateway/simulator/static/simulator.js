/* Patient phone simulator: polls the JSON endpoints every second and renders with textContent
   only. Patient text is hostile input: elements are built node by node, never parsed as HTML. */
"use strict";

(function () {
  const POLL_MS = 1000;
  const STATUS_LABELS = {
    received: "Received",
    processed: "Read by the gateway",
    queued: "Queued",
    sending: "Sending…",
    accepted: "Accepted",
    scheduled: "Scheduled",
    twilio_queued: "Queued at Twilio",
    sent: "Sent",
    delivered: "Delivered",
    read: "Read",
    undelivered: "Undelivered",
    failed: "Failed",
    suppressed: "Not sent",
    unknown: "Unknown",
  };
  const KIND_LABELS = {
    emergency: "Emergency guidance",
    compliance: "Compliance",
    reminder: "Reminder",
    staff: "Staff reply",
  };
  const PRIORITY_LABELS = ["Emergency", "High", "Normal", "Low"];

  const $ = (id) => document.getElementById(id);
  let lastThread = "";
  let lastQueue = "";
  let busy = false;
  const urls = { send: "", thread: "", queue: "" };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function currentPhone() {
    const select = $("patient");
    if (select.value) return select.value;
    return $("custom-phone").value.trim();
  }

  function formatTime(iso) {
    if (!iso) return "";
    const when = new Date(iso);
    if (Number.isNaN(when.getTime())) return "";
    // The clinic's time zone, as the patient's texts state times: what staff promise.
    return when.toLocaleString(undefined, {
      weekday: "short", hour: "numeric", minute: "2-digit",
      timeZone: document.body.dataset.timeZone || undefined,
    });
  }

  function relative(iso) {
    if (!iso) return "";
    const minutes = Math.round((new Date(iso).getTime() - Date.now()) / 60000);
    if (Number.isNaN(minutes)) return "";
    const abs = Math.abs(minutes);
    const span = abs < 90 ? abs + " min" : Math.round(abs / 60) + " h";
    return minutes >= 0 ? "in " + span : span + " overdue";
  }

  function showError(text) {
    const box = $("error");
    box.textContent = text || "";
    box.hidden = !text;
  }

  function renderContact(phone, contact) {
    $("thread-phone").textContent = phone ? "texting from " + phone : "";
    const line = $("contact-line");
    line.replaceChildren();
    if (!contact) {
      if (phone) line.append(el("span", "tag", "new number"));
      return;
    }
    if (contact.language) line.append(el("span", "tag", "language: " + contact.language));
    if (contact.awaiting) line.append(el("span", "tag", "answering: " + contact.awaiting));
    if (contact.is_opted_out) line.append(el("span", "tag tag-bad", "opted out"));
    if (contact.is_flagged) line.append(el("span", "tag tag-bad", "number flagged"));
    if (contact.handoff_queue) {
      line.append(el("span", "tag tag-warn", "with staff: " + contact.handoff_queue));
    }
  }

  function renderThread(data) {
    const key = JSON.stringify(data);
    if (key === lastThread) return;
    lastThread = key;
    renderContact(data.phone, data.contact);
    const list = $("thread");
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    list.replaceChildren();
    if (!data.messages.length) {
      list.append(el("li", "thread-empty", "No messages yet. Type one below."));
    }
    for (const message of data.messages) {
      const fromPatient = message.direction === "inbound";
      const item = el("li", "msg " + (fromPatient ? "msg-patient" : "msg-clinic"));
      item.dataset.direction = message.direction;
      item.dataset.status = message.status;
      item.dataset.kind = message.kind;
      if (message.kind === "emergency") item.classList.add("msg-emergency");
      if (!fromPatient && KIND_LABELS[message.kind]) {
        item.append(el("span", "msg-kind", KIND_LABELS[message.kind]));
      }
      item.append(el("p", "msg-body", message.body));
      let status = STATUS_LABELS[message.status] || message.status;
      if (message.error_code) status += " (error " + message.error_code + ")";
      const meta = el("span", "msg-meta", formatTime(message.created_at) + " · " + status);
      if (["failed", "undelivered", "suppressed"].includes(message.status)) {
        meta.classList.add("msg-meta-bad");
      }
      item.append(meta);
      list.append(item);
    }
    if (nearBottom || data.messages.length) list.scrollTop = list.scrollHeight;
  }

  function renderQueue(data) {
    const key = JSON.stringify(data);
    if (key === lastQueue) return;
    lastQueue = key;
    const list = $("queue");
    list.replaceChildren();
    $("queue-count").textContent = data.items.length ? "(" + data.items.length + ")" : "";
    $("queue-empty").hidden = data.items.length > 0;
    for (const item of data.items) {
      const card = el("li", "card");
      card.dataset.queue = item.queue;
      if (item.is_emergency) card.classList.add("card-emergency");
      if (item.is_upset) card.classList.add("card-upset");

      const head = el("div", "card-head");
      head.append(el("span", "card-queue", item.queue.replace(/_/g, " ")));
      if (item.is_emergency) {
        head.append(el("span", "badge badge-emergency",
          "EMERGENCY" + (item.emergency ? ": " + item.emergency.replace(/_/g, " ") : "")));
      } else {
        head.append(el("span", "badge badge-p" + item.priority,
          (PRIORITY_LABELS[item.priority] || "Priority " + item.priority) + " priority"));
      }
      if (item.is_upset) head.append(el("span", "badge badge-upset", "upset"));
      card.append(head);

      card.append(el("p", "card-summary", item.summary || "(no summary)"));

      const who = (item.patients && item.patients.length)
        ? item.patients.join(", ") + " · " + item.phone : item.phone;
      card.append(el("p", "card-who", who));

      const due = item.due_at
        ? "due " + formatTime(item.due_at) + " (" + relative(item.due_at) + ")" : "no due time";
      card.append(el("p", "card-due", due + " · " + item.status));
      list.append(card);
    }
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  }

  async function refresh() {
    if (busy) return;
    busy = true;
    try {
      const phone = currentPhone();
      const empty = { phone: "", contact: null, messages: [] };
      const [thread, queue] = await Promise.all([
        phone ? getJSON(urls.thread + "?phone=" + encodeURIComponent(phone)) : empty,
        getJSON(urls.queue),
      ]);
      renderThread(thread);
      renderQueue(queue);
    } catch (error) {
      // The gateway may be restarting; the next tick tries again.
    } finally {
      busy = false;
    }
  }

  async function send(text) {
    const phone = currentPhone();
    const body = (text || "").trim();
    if (!phone) { showError("Pick a patient or type a phone number."); return; }
    if (!body) return;
    $("send").disabled = true;
    showError("");
    try {
      const response = await fetch(urls.send, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ phone: phone, body: body }),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        showError(data.error || "Sending failed (HTTP " + response.status + ").");
        return;
      }
      $("body").value = "";
      await refresh();
    } catch (error) {
      showError("Could not reach the gateway.");
    } finally {
      $("send").disabled = false;
      $("body").focus();
    }
  }

  function init() {
    urls.send = document.body.dataset.sendUrl;
    urls.thread = document.body.dataset.threadUrl;
    urls.queue = document.body.dataset.queueUrl;
    const select = $("patient");
    const custom = $("custom-phone");
    const changed = () => {
      custom.hidden = select.value !== "";
      if (!custom.hidden) custom.focus();
      lastThread = "";
      refresh();
    };
    select.addEventListener("change", changed);
    custom.addEventListener("input", () => { lastThread = ""; });
    custom.addEventListener("change", () => refresh());
    custom.hidden = select.value !== "";
    $("compose").addEventListener("submit", (event) => {
      event.preventDefault();
      send($("body").value);
    });
    for (const button of document.querySelectorAll("button.try")) {
      button.addEventListener("click", () => send(button.dataset.text));
    }
    refresh();
    window.setInterval(refresh, POLL_MS);
  }

  document.addEventListener("DOMContentLoaded", init);
})();
