"""Issue 12, round 2: the weakest intents and four families of false alarm, by class.

Every message here was written for this file (none is copied from a labelled set), at least
three languages per family. Intents: a question about one's own visit (its own intent, scored
as the schema's `other` and answered by the reminders flow), a politely phrased complaint, a
language switch asked for in the language wanted, "who is this / why am I getting these". False
alarms: joking hyperbole on kill/die, an emergency that is over mentioned as background, a plain
fever with no red flag, a routine request beside a non-urgent symptom; each family also keeps
its real emergencies firing.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from flows import messages as m
from flows.engine import handle
from flows.triage import triage
from flows.triage.evaluate import INTENTS, evaluate
from flows.types import (
    Awaiting,
    ClinicInfo,
    Inbound,
    Intent,
    OpenHandoff,
    OpeningHours,
    Queue,
    Situation,
    Visit,
)

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Monday 10:00 in New York
VISIT = Visit(starts_at=datetime(2026, 11, 24, 14, 30, tzinfo=UTC), location="Main St, Suite 200")
CLINIC = ClinicInfo(
    name="Riverside Clinic",
    phone="(202) 555-0100",
    hours=tuple(OpeningHours(day, time(8), time(17)) for day in range(5)),
)


def handoff_queue(outcome) -> Queue | None:
    found = [e for e in outcome.effects if isinstance(e, OpenHandoff)]
    return found[0].note.queue if found else None


# ----------------------------------------------------------------------- own-visit questions

STATUS_QUESTIONS = [
    "is my appointment on wednesday still on? the roads look bad",
    "what time is my appt tomorrow and which office is it at",
    "am I still booked for tomorrow morning?",
    "buenas, mi cita del martes sigue en pie? no me acuerdo la hora",
    "¿a qué hora es mi cita de mañana?",
    "tengo cita mañana pero no me acuerdo en qué oficina es",
    "请问我后天的预约是几点？在哪个诊所？",
    "我的预约还有效吗",
    "내일 예약 몇 시예요? 어느 건물로 가면 되나요",
    "cho em hỏi lịch hẹn thứ năm của em mấy giờ vậy",
    "anong oras po yung appointment ko sa biyernes?",
    "موعدي يوم الخميس الساعة كم؟",
    "во сколько у меня приём в пятницу?",
    "a que horas é a minha consulta amanhã?",
    "a ki lè randevou mwen an jedi a?",
]


@pytest.mark.parametrize("text", STATUS_QUESTIONS)
def test_a_question_about_ones_own_visit_is_its_own_intent_for_the_front_desk(text):
    result = triage(text)
    assert result.intent is Intent.APPOINTMENT_STATUS, result.evidence
    assert result.queue is Queue.FRONT_DESK
    assert result.emergency is None


@pytest.mark.parametrize(
    "text, intent",
    [
        ("I need an appointment for a physical, what times do you have?", Intent.SCHEDULE),
        ("quiero sacar una cita para mi hija, a que hora abren?", Intent.SCHEDULE),
        ("我想预约下周的体检", Intent.SCHEDULE),
        ("when is my appointment? I need to move it to next week", Intent.RESCHEDULE),
        ("a que hora es mi cita? la quiero cancelar", Intent.CANCEL),
    ],
)
def test_booking_or_changing_a_visit_is_not_a_status_question(text, intent):
    assert triage(text).intent is intent


def test_a_status_question_beside_a_symptom_still_reaches_a_nurse():
    result = triage("what time is my appointment thursday? my ear is hurting a lot more")
    assert result.intent is Intent.APPOINTMENT_STATUS
    assert result.queue is Queue.CLINICAL


def test_status_is_scored_as_the_schemas_other():
    assert "appointment_status" not in INTENTS
    gold = [{"id": "1", "intent": "other", "handoff": "front_desk", "emergency": None}]
    gold[0] |= {"upset": False, "lang": "zh"}
    predicted = [{**gold[0], "intent": "appointment_status"}]
    report = evaluate(gold, predicted)
    assert report["intent"]["other"]["f1"] == 1.0
    assert report["intent_accuracy"] == 1.0


@pytest.mark.parametrize(
    "text", ["我明天的预约是几点？", "내일 예약 몇 시예요?", "is my visit tomorrow still on?"]
)
def test_the_reminders_flow_answers_it_from_the_record(text):
    outcome = handle(Inbound(text), Situation(visit=VISIT), CLINIC, NOW)
    assert [r.msgid for r in outcome.replies] == [m.VISIT_DETAILS]
    assert handoff_queue(outcome) is None


def test_in_reply_to_the_reminder_the_question_is_answered_not_met_with_c_r_or_x():
    situation = Situation(
        awaiting=Awaiting.APPOINTMENT_REMINDER, visit=VISIT, appointment_at=VISIT.starts_at
    )
    outcome = handle(Inbound("is it still on tomorrow?"), situation, CLINIC, NOW)
    assert [r.msgid for r in outcome.replies] == [m.VISIT_DETAILS]


def test_an_upset_status_question_is_answered_and_reaches_a_manager():
    text = "what time is my appt?? nobody ever answers the phone, ridiculous"
    outcome = handle(Inbound(text), Situation(visit=VISIT), CLINIC, NOW)
    assert [r.msgid for r in outcome.replies][0] == m.VISIT_DETAILS
    assert handoff_queue(outcome) is Queue.MANAGER


def test_no_visit_on_file_hands_the_question_to_the_front_desk_in_the_patients_language():
    outcome = handle(Inbound("cho em hỏi lịch hẹn ngày mai mấy giờ ạ"), Situation(), CLINIC, NOW)
    assert handoff_queue(outcome) is Queue.FRONT_DESK
    assert outcome.replies and outcome.replies[-1].lang == "vi"


def test_the_answer_does_not_swallow_a_symptom_beside_the_question():
    text = "what time is my appointment tomorrow? the cough is a lot worse since yesterday"
    outcome = handle(Inbound(text), Situation(visit=VISIT), CLINIC, NOW)
    assert m.VISIT_DETAILS in [r.msgid for r in outcome.replies]
    assert handoff_queue(outcome) is Queue.CLINICAL


# ----------------------------------------------------------------------- polite complaints

POLITE_COMPLAINTS = [
    "I'm a little disappointed, I left two messages and nobody ever got back to me",
    "not very pleased with how I was spoken to at check-in today, just wanted someone to know",
    "la verdad quedé un poco decepcionada, nadie me ha regresado la llamada desde el lunes",
    "上周等了两个多小时也没人解释，不是想为难谁，只是希望以后能改进",
    "Tôi không hài lòng lắm, đợi hơn 2 tiếng mà không ai nói gì",
    "솔직히 좀 실망했어요. 어제 전화했는데 아무도 연락을 안 주셨네요",
    "pasensya na po pero ilang beses na akong tumawag, walang sumasagot",
    "извините, но я недовольна: никто не перезвонил за всю неделю",
    "Fiquei um pouco decepcionada, ninguém me retornou a ligação",
    "mwen pa kontan ditou, pesonn pa rele m tounen",
]


@pytest.mark.parametrize("text", POLITE_COMPLAINTS)
def test_a_politely_phrased_complaint_reaches_a_manager(text):
    result = triage(text)
    assert result.intent is Intent.COMPLAINT, result.evidence
    assert result.queue is Queue.MANAGER
    assert result.emergency is None


# ----------------------------------------------------------------------- language, in its own words

LANGUAGE_REQUESTS = [
    ("¿me podrían escribir en español de ahora en adelante?", "es"),
    ("可以用中文发吗", "zh"),
    ("中文可以吗？英文我看不太懂", "zh"),
    ("Nhắn bằng tiếng Việt được không ạ", "vi"),
    ("Tagalog na lang po sana yung mga text", "tl"),
    ("한국어로 부탁드려요", "ko"),
    ("а можно писать по-русски?", "ru"),
    ("ممكن بالعربي لو سمحتوا", "ar"),
    ("podem escrever em português?", "pt"),
]


@pytest.mark.parametrize("text, lang", LANGUAGE_REQUESTS)
def test_a_language_switch_asked_in_the_language_wanted(text, lang):
    result = triage(text)
    assert result.intent is Intent.LANGUAGE, result.evidence
    assert result.queue is Queue.NONE


# ----------------------------------------------------------------------- who is this

HELP_QUESTIONS = [
    "whose number is this?",
    "why do I keep getting these texts",
    "somebody called me from this number, just want to know who this is",
    "¿de quién es este número?",
    "¿por qué me siguen mandando estos mensajes?",
    "这个是什么号码？",
    "你们是哪里？为什么给我发短信",
    "số này là của ai vậy ạ?",
    "누구세요? 이 번호 뭐예요",
    "sino po ito? bakit po ako tine-text",
    "чей это номер? почему мне приходят сообщения",
    "مين معي؟ شو هاد الرقم",
    "quem é? recebi mensagem desse número",
    "kiyès sa a? poukisa m ap resevwa mesaj sa yo",
]


@pytest.mark.parametrize("text", HELP_QUESTIONS)
def test_who_is_this_and_why_am_i_getting_these_is_help(text):
    result = triage(text)
    assert result.intent is Intent.HELP, result.evidence
    assert result.emergency is None


def test_why_do_you_keep_sending_this_to_a_form_reminder_is_about_the_form():
    result = triage(
        "I already did it, why do you keep sending this", awaiting=Awaiting.FORM_REMINDER
    )
    assert result.intent is Intent.FORMS


# ----------------------------------------------------------------------- false alarms, by family


@pytest.mark.parametrize(
    "text",
    [
        "the flu shot is gonna kill him lol, can we still book one for saturday",
        "this traffic is going to kill me, running 10 min late",
        "jaja mi jefe me va a matar si llego tarde, me pueden cambiar la cita",
        "cười muốn xỉu luôn á, mai mấy giờ em khám vậy",
        "hết hồn muốn xỉu vì tưởng trễ hẹn, em xác nhận nha",
        "笑死我了，我儿子说打针会要他的命，想给他约流感疫苗",
        "배고파 죽겠어요 ㅋㅋ 검사 전에 금식 몇 시간이에요?",
        "看到这次的账单差点晕倒😂 可以分期吗",
        "ㅋㅋ 채혈 생각만 해도 기절할 것 같아요, 예약 시간 바꿀 수 있나요",
        "nghe giá tiền mà muốn xỉu luôn, có trả góp không ạ",
    ],
)
def test_joking_hyperbole_on_kill_or_die_is_no_emergency(text):
    assert triage(text).emergency is None, triage(text).evidence


@pytest.mark.parametrize(
    "text",
    [
        "he's gonna kill her, he has a gun and he's drunk",
        "my husband is going to kill him, he's waiting outside with a knife",
        "i want to die lol",
        "今天早上起床差点晕倒，现在还是头晕",
        "기절할 것 같아요 어지럽고 숨이 차요",
        "em thấy chóng mặt muốn xỉu, tim đập nhanh",
    ],
)
def test_a_real_threat_death_wish_or_faint_still_fires(text):
    assert triage(text).emergency is not None


@pytest.mark.parametrize(
    "text",
    [
        "my dad had a heart attack in march, got stents and is doing great now, need his referral",
        "上个月我爸中风住院，已经出院了，想帮他约个复查",
        "Tháng trước bé nhà em co giật do sốt, đã đi cấp cứu, giờ khỏe hẳn rồi, cho em đặt lịch tái khám",
        "у мамы два года назад был инсульт, сейчас всё стабильно, нужна выписка из карты",
        "mi esposo tuvo un infarto hace tres años, ya está bien, necesito copia de sus récords",
        "hace un mes me dio un infarto, ya me dieron de alta, quiero una cita de seguimiento",
    ],
)
def test_an_emergency_over_and_handled_as_background_is_no_emergency(text):
    result = triage(text)
    assert result.emergency is None, result.evidence


@pytest.mark.parametrize(
    "text",
    [
        "my dad had a stroke last year and now his face is drooping again on one side",
        "上个月中风出院了，但是今天又说话不清楚，嘴歪了",
    ],
)
def test_a_past_event_happening_again_still_fires(text):
    assert triage(text).emergency is not None


@pytest.mark.parametrize(
    "text",
    [
        "she's had a fever of 100.5 since last night, otherwise playing fine, should she come in?",
        "mi hijo tiene fiebre y no quiere comer nada, le puedo dar tylenol?",
        "con em sốt 38 độ từ tối qua, vẫn chơi bình thường, có cần đi khám không?",
        "孩子昨晚开始发烧38度，精神还好，需要带来看吗？",
    ],
)
def test_a_plain_fever_with_no_red_flag_goes_to_a_nurse_not_911(text):
    result = triage(text)
    assert result.emergency is None, result.evidence
    assert result.queue is Queue.CLINICAL


@pytest.mark.parametrize(
    "text",
    [
        "mi bebé de 6 semanas tiene fiebre y no quiere comer",
        "my 3 year old has a fever and is really hard to wake up",
        "mi hijo tiene fiebre y está muy dormido, no reacciona",
    ],
)
def test_a_fever_with_a_red_flag_still_fires(text):
    assert triage(text).emergency is not None


@pytest.mark.parametrize(
    "text",
    [
        "can you refill my mom's lisinopril, she had 30 pills left but they fell in the sink",
        "she only has 10 of her pills left, need the refill sent",
        "my lips are dry and cracked, can I get a refill of my blue inhaler",
        "need to move my appointment to next week, I have a bad cold and a sore throat",
        "quiero cambiar mi cita, tengo gripa y tos",
        "cho em đổi lịch hẹn sang tuần sau, em bị cảm với ho",
    ],
)
def test_a_routine_request_beside_a_non_urgent_symptom_or_supply_is_no_emergency(text):
    assert triage(text).emergency is None, triage(text).evidence


@pytest.mark.parametrize(
    "text",
    [
        "he took 30 pills an hour ago",
        "she swallowed 20 of her pills",
        "his lips are turning blue and he can't breathe",
        "need to reschedule, my chest is crushing and my left arm is numb",
    ],
)
def test_a_real_overdose_or_breathing_danger_still_fires(text):
    assert triage(text).emergency is not None


# ----------------------------------------------------------------------- what leaves `other`


@pytest.mark.parametrize(
    "text",
    [
        "got a text about a visit for someone named Dolores, nobody by that name lives here",
        "me llegó un mensaje de una cita para una tal Marisol, creo que tienen el número equivocado",
        "收到你们关于预约的短信，可是我不叫陈美玲，你们发错人了",
        "recebi uma mensagem sobre um exame de um tal Jorge, deve ser engano",
        "وصلتني رسالة عن موعد لشخص ما بعرفه، الرقم غلط",
    ],
)
def test_a_wrong_number_outranks_the_visit_or_result_it_names(text):
    assert triage(text).intent is Intent.WRONG_NUMBER, triage(text).evidence


def test_sending_ones_own_card_to_the_wrong_number_is_still_the_insurance_question():
    text = (
        "oops I sent my insurance card to the wrong number, can I send it here? new plan is cigna"
    )
    assert triage(text).intent is Intent.INSURANCE


@pytest.mark.parametrize(
    "text, awaiting",
    [
        ("No puedo ir el viernes, me la pueden cambiar para el lunes?", None),
        ("can't make it thursday, can you move it to next week", Awaiting.APPOINTMENT_REMINDER),
        ("ممكن نأجل موعدي للأسبوع الجاي؟", None),
        ("можно перенести приём на понедельник?", None),
    ],
)
def test_another_time_asked_for_is_a_reschedule(text, awaiting):
    assert triage(text, awaiting=awaiting).intent is Intent.RESCHEDULE, triage(text).evidence


@pytest.mark.parametrize(
    "text",
    ["please cancel my appointment friday, I'll call later to rebook", "cancela mi cita del lunes"],
)
def test_a_cancel_with_the_patients_own_later_plan_stays_a_cancel(text):
    assert triage(text).intent is Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "jaja me dio risa el recordatorio, pero sí, confirmo mi cita del jueves",
        "ㅋㅋ 깜짝 놀랐네요 예약 확인합니다",
        "haha the reminder made me jump, but yes I confirm the appointment",
    ],
)
def test_a_reminder_reply_that_confirms_the_visit_it_names_is_a_confirmation(text):
    result = triage(text, awaiting=Awaiting.APPOINTMENT_REMINDER)
    assert result.intent is Intent.CONFIRM, result.evidence


def test_a_confirmation_with_a_new_booking_after_it_is_the_booking():
    text = "sí confirmo. y mi esposo también necesita cita para su chequeo"
    assert triage(text, awaiting=Awaiting.APPOINTMENT_REMINDER).intent is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "do you take walk-ins for flu shots or is it appointment only?",
        "¿se puede ir sin cita para la vacuna?",
        "打流感疫苗需要预约吗？可以直接过去吗",
    ],
)
def test_whether_a_visit_needs_booking_is_clinic_information(text):
    result = triage(text)
    assert result.intent is Intent.OTHER, result.evidence
    assert result.queue is Queue.FRONT_DESK


@pytest.mark.parametrize(
    "text",
    [
        "مرحبا موعدي بالفيديو الساعة ثلاثة وما وصلني الرابط",
        "у меня видеоприём в два, ссылка не открывается",
    ],
)
def test_the_visit_named_in_a_video_reminders_thread_is_the_video_visit(text):
    result = triage(text, awaiting=Awaiting.TELEHEALTH_PREP)
    assert result.intent is Intent.TELEHEALTH, result.evidence


# ----------------------------------------------------------------------- emergencies the screen missed


@pytest.mark.parametrize(
    "text",
    [
        "我妈说话突然含糊不清，右边嘴角往下歪",
        "아버지가 아까 검은 피 같은 걸 토하셨어요",
        "ابني عنده ربو وصار يحكي كلمه كلمه وصدره عم يفوت لجوا",
        "البراز اسود من امبارح وكل ما اوقف ادوخ",
        "امي حرارتها عاليه وما عم تعرفنا",
        "acho que o meu filho engoliu uma pilha pequena",
        "ele está suando e falando coisa sem sentido",
        "у дочки температура и точки на ногах не бледнеют при нажатии",
        "бабушка упала и не может встать",
        "ti bebe m nan fè yon kriz, je l vire anlè",
        "ayoko na po talagang mabuhay",
        "من كم يوم عم تجيني افكار اني ااذي البنت",
        "just cancel friday please. I won't be around by then anyway. thank you for everything",
        "if that nurse yells at me like that again I'm bringing my gun, try me",
        "my daughter is 2 and she chewed one of my blood pressure tablets, she seems fine",
        "quería cancelar mi cita, ya no voy a estar aquí, ya tomé mi decisión",
        "كلنا بالبيت عنا صداع ودوخه من امبارح وشغالين الصوبيا عالغاز",
    ],
)
def test_a_danger_phrased_as_these_writers_phrase_it_fires(text):
    assert triage(text).emergency is not None


@pytest.mark.parametrize(
    "text",
    [
        "피검사 결과 토요일에 나오나요?",
        "tenho dificuldade de engolir comprimidos, tem xarope?",
        "الدكتور الجديد ما يعرفنا، بدنا نرجع للقديم",
        "у меня болит нога, не могу встать с кровати утром, хочу записаться",
        "ayoko na pong maghintay ng matagal",
        "I won't be around by then, I'm traveling for work, can we reschedule?",
        "can I bring my service dog next time?",
        "فاتورة الغاز غالية كتير",
    ],
)
def test_the_same_words_in_a_routine_message_do_not(text):
    assert triage(text).emergency is None, triage(text).evidence
