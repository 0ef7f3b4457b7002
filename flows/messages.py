"""Every patient-facing text the flows can send, as catalog source strings.

Flows mark strings with `N_` and never translate: the gateway renders them in the patient's
language from `locales/`. Placeholders use `{name}` and are filled by the gateway:
`{clinic}` and `{phone}` from the clinic, `{due}` and `{when}` from datetimes formatted in the
patient's locale and time zone, `{link}` from the clinic's configured links.

Rules for wording (tested): at most 160 GSM-7 characters in English once filled with typical
values; no diagnosis, medication or visit reason; never ask a patient to reply CANCEL, END or
QUIT, and STOP only to opt out. Emergency wording is fixed and reviewed per language.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a string for the catalog without translating it."""
    return message


# Emergency: fixed wording, reviewed per language.
EMERGENCY_MEDICAL = N_(
    "{clinic}: If this is an emergency, call 911 or go to the nearest ER now. "
    "Texts are not watched at all times. We have alerted our on-call staff."
)
EMERGENCY_MENTAL_HEALTH = N_(
    "{clinic}: If you may hurt yourself, call or text 988 now, any time. "
    "If anyone is in danger right now, call 911. We have alerted our staff."
)

# Compliance.
OPT_OUT_CONFIRMED = N_(
    "{clinic}: You are unsubscribed and will get no more texts from us. "
    "Reply START to resubscribe. Questions: {phone}"
)
OPT_IN_CONFIRMED = N_(
    "{clinic}: You are resubscribed to texts from us. Reply HELP for help, STOP to opt out."
)
HELP = N_(
    "{clinic} patient texts. Call {phone} for help, 911 in an emergency. "
    "Msg&data rates may apply. Reply STOP to opt out."
)

# Expectations: what was received, who answers, by when.
ACK_CLINICAL = N_(
    "{clinic}: We got your message. A nurse will reply by {due}. "
    "If it gets worse, call 911 or go to the nearest ER."
)
ACK_MANAGER = N_(
    "{clinic}: We got your message and we are sorry. A practice manager will reply by {due}."
)
ACK_REFILLS = N_("{clinic}: We got your refill request. Our refill team will reply by {due}.")
ACK_BILLING = N_("{clinic}: We got your message. Our billing team will reply by {due}.")
ACK_RECORDS = N_("{clinic}: We got your records request. Our records team will reply by {due}.")
ACK_SCHEDULING = N_("{clinic}: We got your message. Our scheduling team will reply by {due}.")
ACK_FRONT_DESK = N_("{clinic}: We got your message. Our front desk will reply by {due}.")
#: For languages other than English and Spanish: a person always answers.
ACK_STAFF = N_(
    "{clinic}: We got your message. A staff member will reply by {due}. In an emergency, call 911."
)
ACK_VOICEMAIL = N_("{clinic}: We got your voicemail. Our staff will call or text you by {due}.")

# Finished by the bot.
APPOINTMENT_CONFIRMED = N_("{clinic}: Thank you, your visit on {when} is confirmed.")
APPOINTMENT_CONFIRMED_NO_DATE = N_("{clinic}: Thank you, your visit is confirmed.")
APPOINTMENT_CANCELLED = N_(
    "{clinic}: Your visit on {when} is cancelled. To book a new time, call {phone}."
)
APPOINTMENT_CANCELLED_NO_DATE = N_(
    "{clinic}: Your visit is cancelled. To book a new time, call {phone}."
)
FORM_DONE = N_("{clinic}: Thank you! We will check your form and text you if anything is missing.")
FORMS_LINK = N_("{clinic}: You can fill in your forms here: {link}")
PORTAL_LINK = N_("{clinic}: Sign in to the patient portal here: {link} Trouble? Call {phone}.")
TELEHEALTH_LINK = N_("{clinic}: Join your video visit here: {link} Please join 10 min early.")
LANGUAGE_SET = N_("{clinic}: OK, we will text you in English from now on.")

# Voice prompts, read aloud by Twilio <Say> in each of the clinic's languages.
VOICE_GREETING = N_(
    "Thank you for calling {clinic}. If this is an emergency, hang up and call 911. "
    "Please leave a message after the tone with your name, date of birth and how we can help."
)
VOICE_GOODBYE = N_("Thank you. We received your message. Goodbye.")

# Staff-facing, English only: the on-call page. No name, no message text, a masked number.
PAGE_MEDICAL = N_(
    "URGENT {clinic}: possible medical emergency from patient {masked}. Open the staff queue now."
)
PAGE_MENTAL_HEALTH = N_(
    "URGENT {clinic}: possible mental health crisis from patient {masked}. "
    "Open the staff queue now."
)

PATIENT_FACING = (
    EMERGENCY_MEDICAL,
    EMERGENCY_MENTAL_HEALTH,
    OPT_OUT_CONFIRMED,
    OPT_IN_CONFIRMED,
    HELP,
    ACK_CLINICAL,
    ACK_MANAGER,
    ACK_REFILLS,
    ACK_BILLING,
    ACK_RECORDS,
    ACK_SCHEDULING,
    ACK_FRONT_DESK,
    ACK_STAFF,
    ACK_VOICEMAIL,
    APPOINTMENT_CONFIRMED,
    APPOINTMENT_CONFIRMED_NO_DATE,
    APPOINTMENT_CANCELLED,
    APPOINTMENT_CANCELLED_NO_DATE,
    FORM_DONE,
    FORMS_LINK,
    PORTAL_LINK,
    TELEHEALTH_LINK,
    LANGUAGE_SET,
    VOICE_GREETING,
    VOICE_GOODBYE,
)

#: What the bot finishes alone in every shipped language: confirming or cancelling the visit a
#: reminder named, a finished form, a link. Everything else in a language we only partly speak
#: goes to a person (ACK_STAFF) with the language marked.
FINISHED_IN_EVERY_LANGUAGE = (
    APPOINTMENT_CONFIRMED,
    APPOINTMENT_CONFIRMED_NO_DATE,
    APPOINTMENT_CANCELLED,
    APPOINTMENT_CANCELLED_NO_DATE,
    FORM_DONE,
    FORMS_LINK,
    PORTAL_LINK,
    TELEHEALTH_LINK,
)

#: Texts that every shipped language must translate (the rest fall back to ACK_STAFF).
REQUIRED_IN_EVERY_LANGUAGE = (
    *FINISHED_IN_EVERY_LANGUAGE,
    EMERGENCY_MEDICAL,
    EMERGENCY_MENTAL_HEALTH,
    OPT_OUT_CONFIRMED,
    OPT_IN_CONFIRMED,
    HELP,
    ACK_STAFF,
    ACK_VOICEMAIL,
    LANGUAGE_SET,
    VOICE_GREETING,
    VOICE_GOODBYE,
)


# --- reminders ---------------------------------------------------------------------------
# Scheduled texts (gateway.reminders.dispatch) and the replies of the flows in flows/reminders/.
# Minimum necessary: date, time, clinic name and phone, location, link; never a visit reason.
# Placeholders beyond the usual: {location}, {forms} (the missing forms' names), {day} (the day
# the patient named).
REMINDER_CONFIRMATION = N_(
    "{clinic}: Your visit is {when} at {location}. "
    "Reply C to confirm, R to reschedule, X to cancel."
)
REMINDER_CONFIRMATION_VIDEO = N_(
    "{clinic}: Your video visit is {when}. Reply C to confirm, R to reschedule, X to cancel."
)
REMINDER_NUDGE = N_(
    "{clinic}: Please let us know about your visit {when}. "
    "Reply C to confirm, R to reschedule, X to cancel."
)
REMINDER_FORMS = N_(
    "{clinic}: Before your visit {when}, please complete: {forms}. {link} "
    'Reply "done" when finished.'
)
REMINDER_TELEHEALTH_DAY_BEFORE = N_(
    "{clinic}: Video visit {when}. Join 10 min early: {link} Test camera and browser first. "
    "If video fails, we will call you."
)
REMINDER_TELEHEALTH_SOON = N_(
    "{clinic}: Your video visit starts {when}. Join now: {link} Trouble? Reply here or call {phone}."
)
REMINDER_NO_SHOW = N_(
    "{clinic}: We missed you at your visit on {when}. Reply R to book a new time or call {phone}."
)
MISSED_CALL_TEXT_BACK = N_(
    "{clinic}: Sorry we missed your call. Reply here and we will help, or call {phone}. "
    "In an emergency, call 911."
)
RESCHEDULE_ASK = N_(
    "{clinic}: What days and times work best for you? Reply with a few and our scheduling team "
    "will find a new time."
)
CANCELLED_OFFER_RESCHEDULE = N_(
    "{clinic}: Your visit on {when} is cancelled. Reply R to pick a new time or call {phone}."
)
REMINDER_CLARIFY = N_(
    "{clinic}: Sorry, we did not understand. For your visit {when}, reply C to confirm, "
    "R to reschedule or X to cancel."
)
VISIT_DETAILS = N_("{clinic}: Your visit is {when} at {location}. Questions? Call {phone}.")
VISIT_DETAILS_VIDEO = N_("{clinic}: Your video visit is {when}. Join here: {link}")
VISIT_DAY_MISMATCH = N_(
    "{clinic}: Your visit is {when}, not {day}. Reply R to reschedule or call {phone}."
)
DOB_ASK = N_(
    "{clinic}: To protect your privacy, please reply with the patient's date of birth, "
    "like 03/11/1980."
)
NO_VISIT_FOUND = N_("{clinic}: We could not find an upcoming visit. Please call us at {phone}.")
# Reminder calls to landlines, read aloud by Twilio <Say> (gateway/twilio/reminder_calls.py).
VOICE_REMINDER = N_(
    "This is {clinic} with a reminder: your visit is {when} at {location}. "
    "Press 1 to confirm, 2 to reschedule, 3 to cancel, or 9 to hear this again."
)
VOICE_REMINDER_MACHINE = N_(
    "This is {clinic} with a reminder of your visit on {when}. "
    "To confirm or change it, please call us at {phone}. Goodbye."
)
VOICE_CONFIRMED = N_("Thank you, your visit is confirmed. Goodbye.")
VOICE_CANCELLED = N_("Your visit is cancelled. To book a new time, call us at {phone}. Goodbye.")
VOICE_RESCHEDULE = N_("Thank you. Our scheduling team will call you to find a new time. Goodbye.")

REMINDER_TEXTS = (
    REMINDER_CONFIRMATION,
    REMINDER_CONFIRMATION_VIDEO,
    REMINDER_NUDGE,
    REMINDER_FORMS,
    REMINDER_TELEHEALTH_DAY_BEFORE,
    REMINDER_TELEHEALTH_SOON,
    REMINDER_NO_SHOW,
    MISSED_CALL_TEXT_BACK,
    RESCHEDULE_ASK,
    CANCELLED_OFFER_RESCHEDULE,
    REMINDER_CLARIFY,
    VISIT_DETAILS,
    VISIT_DETAILS_VIDEO,
    VISIT_DAY_MISMATCH,
    DOB_ASK,
    NO_VISIT_FOUND,
    VOICE_REMINDER,
    VOICE_REMINDER_MACHINE,
    VOICE_CONFIRMED,
    VOICE_CANCELLED,
    VOICE_RESCHEDULE,
)
PATIENT_FACING = (*PATIENT_FACING, *REMINDER_TEXTS)

# --- staff quick replies (gateway/staff/quick_replies.py) ---------------------------------------
# Drafts a staff member picks, may edit, and sends by hand; patient-facing, so in the catalogs.
QUICK_CALLING_YOU = N_(
    "{clinic}: this is the clinic. A staff member will call you shortly from {phone}."
)
QUICK_PLEASE_CALL = N_("{clinic}: we got your message. Please call us at {phone} so we can help.")
QUICK_CALL_911 = N_(
    "{clinic}: if this is an emergency, call 911 now or go to the nearest emergency room."
)
QUICK_DONE = N_("{clinic}: we took care of your request. Reply here if you need anything else.")
QUICK_REFILL_SENT = N_(
    "{clinic}: your request was sent to your pharmacy. Please allow 1-2 business days."
)
QUICK_REPLIES = (
    QUICK_CALLING_YOU,
    QUICK_PLEASE_CALL,
    QUICK_CALL_911,
    QUICK_DONE,
    QUICK_REFILL_SENT,
)
PATIENT_FACING = (*PATIENT_FACING, *QUICK_REPLIES)
