"""Arabic triage word lists (Modern Standard and common dialect forms).

Normalisation strips harakat and unifies alef forms (أ إ آ -> ا), alef maqsura (ى -> ي) and taa
marbuta (ة -> ه); write patterns in that form.
"""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, Rule
from flows.types import Intent

LEXICON = Lexicon(
    lang="ar",
    emergency_medical=(
        Rule("الم في الصدر", r"الم (?:شديد )?(?:في |ب)?(?:ال)?صدر|وجع (?:في |ب)?(?:ال)?صدر|ضيق في الصدر|صدري (?:يوجعني|يؤلمني)"),
        Rule("صعوبه التنفس", r"ضيق (?:في )?(?:ال)?تنفس|صعوبه (?:في )?(?:ال)?تنفس|(?:لا|ما) (?:استطيع|اقدر|يستطيع|يقدر|تقدر|تستطيع) (?:ان )?(?:اتنفس|يتنفس|تتنفس|التنفس)|اختناق"),
        Rule("جلطه", r"جلطه|سكته|وجهه (?:مايل|مائل|متدلي)|كلامه (?:غير واضح|ثقيل|مو واضح)|شلل"),
        Rule("اغماء", r"اغمي (?:عليه|عليها|علي)|اغماء|فقد (?:ال)?وعي|فاقد (?:ال)?وعي|لا يستيقظ|ما يصحى"),
        Rule("تشنج", r"تشنج|تشنجات|نوبه صرع|صرع"),
        Rule("نزيف", r"نزيف|ينزف|تنزف|دم كثير"),
        Rule("حساسيه", r"تورم (?:في )?(?:ال)?(?:حلق|شفاه|لسان|وجه)|انتفاخ (?:ال)?(?:شفاه|لسان|وجه)"),
        Rule("جرعه زائده", r"جرعه زائده|بلع (?:حبوب|دواء) كثير"),
    ),
    emergency_mental_health=(
        Rule("انتحار", r"انتحار|انتحر|(?:اقتل|يقتل|تقتل) نفس|قتل نفسي|(?:اريد|ابغى|بدي) (?:ان )?اموت|(?:لا|ما) (?:اريد|ابغى|بدي) (?:ان )?(?:اعيش|عيش)|اذي نفسي|ايذاء نفسي|ينتحر|تنتحر|(?:يريد|تريد|يبغى|تبغى|بده|بدها) (?:ان )?(?:يموت|تموت)|(?:لا|ما) (?:يريد|تريد|يبغى|تبغى|بده|بدها) (?:ان )?(?:يعيش|تعيش)|(?:يقتل|تقتل) (?:نفسه|نفسها)|ايذاء نفس"),
    ),
    negations=(r"(?:^|\s)(?:لا|ليس|ليست|ما|بدون|مافي|مش)\s?$",),
    symptoms=(Rule("اعراض", r"الم|وجع|حراره|حمى|سعال|كحه|دوخه|اسهال|استفراغ|حكه"),),
    opt_out=(
        r"توقفوا عن (?:ال)?ارسال|اوقفوا (?:ال)?رسائل|كفى رسائل",
        r"(?:لا|ما) (?:ترسلوا|ترسل|ترسلو|تبعتوا|تبعثوا)(?: لي)?(?: اي)? (?:ال)?رسائل",
        r"(?:لا|ما) (?:اريد|ابغى|بدي) (?:استلام |استقبال )?(?:اي )?(?:ال)?رسائل",
        r"الغاء (?:ال)?اشتراك",
    ),
    opt_in=(r"(?:اعيدوا|ارجعوا|استئناف) (?:ارسال )?(?:ال)?رسائل",),
    intents=(
        IntentRules(Intent.RESCHEDULE, strong=(r"تغيير (?:ال)?موعد|تاجيل (?:ال)?موعد",)),
        IntentRules(Intent.CANCEL, strong=(r"الغاء (?:ال)?موعد",)),
        IntentRules(Intent.SCHEDULE, strong=(r"موعد|حجز",)),
        IntentRules(Intent.TEST_RESULTS, strong=(r"نتائج|نتيجه|تحاليل",)),
        IntentRules(Intent.REFILL, strong=(r"وصفه|تجديد (?:ال)?دواء|صيدليه",)),
        IntentRules(Intent.BILLING, strong=(r"فاتوره|دفع|حساب",)),
        IntentRules(Intent.INSURANCE, strong=(r"تامين",)),
        IntentRules(Intent.LANGUAGE, strong=(r"باللغه العربيه|بالعربي|باللغه",)),
        IntentRules(Intent.CONFIRM, weak=(r"تاكيد|ساحضر|سوف احضر|ان شاء الله",)),
        IntentRules(Intent.THANKS, weak=(r"شكرا|مشكور",)),
    ),
    confirm_words=frozenset({"نعم", "اكيد", "تمام", "موافق"}),
)
