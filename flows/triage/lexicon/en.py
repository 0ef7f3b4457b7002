"""English triage word lists: emergencies, symptoms, opt-out, intents, tone.

Patterns run over normalised text (see `flows.triage.lexicon.types`): lowercase, no accents, no
apostrophes ("cant", "hes"), abbreviations expanded ("appt" -> "appointment", "rx" ->
"prescription", "bp" -> "blood pressure", "dr" -> "doctor"). Some rules here are
language-neutral ("911", "10/10") and apply to every message.
"""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, Rule
from flows.types import Intent

_WHO = r"(?:my|his|her|their|the|your|our)"
_PERSON3 = r"(?:hes|shes|he is|she is|theyre|they are|he was|she was|hes been|shes been|dad is|mom is)"
_BREATHE = r"(?:breathe?|breathing|breth|breathin|catch (?:my|his|her|their) breath)"
_PILLS = r"(?:pills?|tablets?|medications?|medicines?|meds|capsules?|gummies|vitamins)"
#: Ways a child (or anyone) gets a substance into their mouth.
_INGEST = (
    r"(?:swallowed|swallowing|got into|gotten into|getting into|ate|eaten|eating|chewed|chewing|"
    r"drank|drunk|drinking|bit into|bit|bitten|biting|licked|sucked on|ingested|"
    r"put (?:\w+ )?in (?:his|her|their|my) mouth)"
)
#: Household products and objects that are dangerous when swallowed.
_POISONS = (
    r"(?:bleach|detergent|(?:laundry |dishwasher |tide |soap )?pods?|poison|batter(?:y|ies)|"
    r"antifreeze|cleaner|drain cleaner|lye|magnets?|rat poison|pesticide|weed killer|"
    r"lighter fluid|gasoline|lamp oil|nicotine|vape (?:juice|liquid)|e ?liquid|mothballs?|"
    r"edibles?|fentanyl|windshield fluid|dishwasher (?:soap|detergent))"
)

EMERGENCY_MEDICAL = (
    # Heart
    Rule(
        "chest pain",
        r"\bchest{gap}(?:pains?|hurt\w*|ache?s?|aching|pressure|tight\w*|squeez\w*|crush\w*"
        r"|heav\w*|burn\w*|discomfort|pound\w*)",
    ),
    Rule(
        "chest pain",
        r"\b(?:pains?|pressure|tightness|squeezing|crushing|heaviness|discomfort|hurts?|hurting)"
        r"\s+(?:\w+\s+)?(?:in|on|across)\s+" + _WHO + r"\s+chest",
    ),
    Rule("chest pain", r"\bchestpain"),
    Rule("heart attack", r"\bheart attack"),
    Rule("cardiac arrest", r"\b(?:cardiac arrest|no pulse|heart (?:stopped|stopping))\b"),
    # Breathing
    Rule(
        "trouble breathing",
        r"\b(?:cant|can not|cannot|couldnt|could not|unable to|hard to|trouble|difficulty|"
        r"difficult to|struggling to|struggle to|hard time|barely|not able to|problems?)\s+"
        r"(?:\w+\s+)?" + _BREATHE,
    ),
    Rule("trouble breathing", r"\b(?:short(?:ness)? of breath|gasping|choking|suffocat\w*)"),
    Rule(
        "trouble breathing",
        r"\b(?:breathing|breaths)\s+(?:\w+\s+)?(?:is\s+|feels\s+|seems\s+|looks\s+|sounds\s+|got\s+)?"
        r"(?:\w+\s+)?(?:fast|weird|funny|strange|labou?red|shallow|hard|raspy|noisy|difficult|"
        r"wrong|rapid)\b",
    ),
    Rule("not breathing", r"\b(?:not|isnt|stopped|wasnt|arent|barely) breathing\b"),
    Rule("blue lips", r"\b(?:lips|face|skin|fingers|mouth)\b{gap}(?:blue|gray|grey|purple)\b"),
    Rule("blue lips", r"\bturn(?:ing|ed)? blue\b"),
    # Stroke
    Rule(
        "face drooping",
        r"\b(?:face|mouth|smile|lip|eye)\b{gap}(?:droop\w*|dropp\w*|drop|sag\w*|crooked|"
        r"lopsided|uneven|paralyz\w*|fallen|numb(?!er)\w*)",
    ),
    Rule("face drooping", r"\b(?:droop\w*|lopsided|crooked) (?:face|mouth|smile)\b"),
    Rule("slurred speech", r"\bslurr?\w*"),
    Rule(
        "slurred speech",
        r"\b(?:talking|talks|speaking|speech|words)\s+(?:\w+\s+)?(?:nonsense|gibberish|garbled|"
        r"jumbled|funny|weird|strange)\b",
    ),
    Rule(
        "slurred speech",
        r"\b(?:(?:isnt|is not|not|arent|wasnt) making (?:any )?sense|making no sense|cant (?:talk|speak|get (?:his|her|my) words out)"
        r"|trouble (?:talking|speaking)|doesnt make sense when)",
    ),
    Rule(
        "one-sided weakness",
        r"\b(?:cant|cannot|can not|unable to|couldnt|not able to)\s+(?:\w+\s+)?(?:move|lift|raise|"
        r"feel|grip|use)\s+" + _WHO + r"\s+(?:(?:left|right)\s+)?(?:arm|leg|hand|side|foot)",
    ),
    Rule(
        "one-sided weakness",
        r"\b(?:weak\w*|numb(?!er)\w*|paralyz\w*|tingl\w*|dead)\b{gap}(?:on\s+)?(?:one side|(?:the\s+)?"
        r"(?:left|right) side|(?:left|right) (?:arm|leg|hand|side))",
    ),
    Rule(
        "one-sided weakness",
        r"\b(?:left|right|one) (?:arm|leg|side|hand)\b{gap}(?:weak\w*|numb(?!er)\w*|limp|dead|"
        r"paralyz\w*|wont move|isnt moving)",
    ),
    Rule("stroke", r"\b(?:stroke|strokes|mini stroke|tia)\b"),
    Rule("sudden confusion", r"\bsudden(?:ly)?\b{gap}confus\w*"),
    Rule(
        "confusion",
        r"\b" + _PERSON3 + r"\s+(?:\w+\s+){0,2}(?:confused|disoriented|out of it)\b"
        r"(?!\s+(?:about|by|with|why|what|on|as|if|over))",
    ),
    Rule(
        "confusion",
        r"\b(?:is|seems|became|got|acting|was|been|looks|sounds)\s+(?:\w+\s+)?(?:confused|"
        r"disoriented)\b(?!\s+(?:about|by|with|why|what|on|as|if|over|because))",
    ),
    Rule("confusion", r"\bconfus\w*\b.{0,30}\ball of a sudden|\ball of a sudden\b.{0,30}\bconfus"),
    Rule(
        "confusion",
        r"\b(?:doesnt|does not|didnt|did not|cant|dont) (?:know|recognize|remember) "
        r"(?:what day|where (?:he|she|they) (?:is|are)|who (?:i|we) (?:am|are)|us|me|his|her)\b",
    ),
    # Head
    Rule("worst headache", r"\bworst headache|\bthunderclap"),
    Rule("worst pain of life", r"\bworst (?:\w+ )?pain of (?:my|his|her|their) life"),
    Rule(
        "headache with stiff neck",
        r"\bheadache",
        also=(r"\b(?:stiff neck|neck (?:is |feels |was )?(?:really |so |very )?stiff)",),
    ),
    Rule(
        "head injury",
        r"\b(?:hit|hits|hitting|bumped|bonked|banged|struck|fell on|smacked|knocked|landed on)"
        r"\b{gap}head\b|\bhead (?:injury|trauma)",
        also=(
            r"\b(?:confus\w*|vomit\w*|throw\w* up|threw up|puk\w*|not making sense|passed out|"
            r"unconscious|wont wake|drowsy|seizure|slurr\w*|doesnt know|blurr?y|pupils|"
            r"knocked out|blacked out|double vision|seeing double|see double|cant see|"
            r"blood thinners?|anticoagul\w*|eliquis|xarelto|warfarin|coumadin|pradaxa|"
            r"worst headache)",
        ),
    ),
    # Bleeding
    Rule(
        "severe bleeding",
        r"\b(?:wont|will not|cant|doesnt|does not|cannot|not|isnt) stop(?:ping)? (?:the )?bleed\w*",
    ),
    Rule(
        "severe bleeding",
        r"\bbleed\w*\b{gap}(?:a lot|heavily|bad|badly|everywhere|through|thru|nonstop|non stop|"
        r"so much|like crazy|profusely|really bad|alot)",
    ),
    Rule(
        "severe bleeding",
        r"\b(?:heavy|severe|lots of|a lot of|massive|uncontrolled|so much|heavily) (?:bleeding|blood)",
    ),
    Rule("severe bleeding", r"\bsoak\w*\s+(?:thru|through|a pad|the pad|pads|towels?)"),
    Rule(
        "severe bleeding",
        r"\b(?:throwing up|vomit\w*|coughing up|coughed up|threw up|puking|spitting up|puke)"
        r"\s+(?:\w+\s+)?blood",
    ),
    Rule("severe bleeding", r"\b(?:spurting|gushing|pouring)\b{gap}blood|\bblood\b{gap}(?:spurting|gushing|pouring)"),
    # Allergy
    Rule("anaphylaxis", r"\bthroat\b{gap}(?:clos\w*|tight\w*|swell\w*|swoll\w*|constrict\w*)"),
    Rule(
        "anaphylaxis",
        r"\b(?:lips?|tongue|face|mouth|throat)\b(?:\W+\w+){0,4}?\W+(?:swell\w*|swoll\w*|puff\w*)",
        also=(
            r"\b(?:sting|stung|bee|wasp|ate|eating|peanut|nuts?|shellfish|allerg\w*|pill|dose|"
            r"medication|antibiotic|took|shot|injection|epi ?pen|hives|breath\w*|dizzy|throat|"
            r"tongue|lips?)\b",
        ),
    ),
    Rule("anaphylaxis", r"\banaphyla\w*|\bepi ?pen\b|\bepinephrine\b"),
    Rule(
        "anaphylaxis",
        r"\ballergic reaction",
        also=(r"\b(?:swell\w*|swoll\w*|throat|breath\w*|lips?|tongue|hives|dizzy|faint\w*)\b",),
    ),
    Rule("anaphylaxis", r"\b(?:cant|cannot|can not|trouble|hard to) swallow\w*"),
    # Seizure, unresponsive
    Rule(
        "seizure",
        r"\b(?:seiz(?:ure|ures|ing|ed)|convuls\w*)\b(?!\s+(?:medications?|medicines?|meds|"
        r"pills|drugs?|prescriptions?|refill|disorder|history|free))",
    ),
    Rule(
        "unresponsive",
        r"\b(?:unresponsive|unconscious|passed out|pass out|passing out|blacked out|fainted|"
        r"fainting|collapsed|keeled over|knocked out)\b",
    ),
    Rule(
        "unresponsive",
        r"\b(?:wont|will not|cant|cannot|couldnt|doesnt|does not|not|isnt) (?:fully |really |totally |"
        r"completely |properly |even |all the way )?(?:wake|waking|woke)"
        r"(?: (?:him|her|them|\w+))? ?(?:up)?\b",
    ),
    Rule("unresponsive", r"\bnot (?:responding|responsive|moving|reacting)\b"),
    Rule("dying", r"\b(?:im|i am|hes|shes|he is|she is|theyre|is) dying\b"),
    Rule("call 911", r"\b(?:911|ambulance|paramedics|emt)\b"),
    # Poisoning
    Rule("overdose", r"\boverdos\w*"),
    Rule(
        "overdose",
        r"\b(?:took|taken|take|swallowed|ate|got into|gotten into|drank|chewed)\b"
        r"(?:\W+\w+){0,4}?\W+(?:too many|a bunch of|a handful|the whole|a whole|all (?:of )?"
        r"(?:my|his|her|the)|whole bottle|bottle of)",
    ),
    Rule(
        "overdose",
        r"\b" + _INGEST + r"\b(?:\W+\w+){0,4}?\W+(?:" + _PILLS + r"|" + _POISONS + r")\b",
    ),
    Rule(
        "overdose",
        r"\b(?:took|taken|swallowed|ate|had)\s+(?:like\s+|about\s+|around\s+|maybe\s+|over\s+)?"
        r"(?:[5-9]|\d{2,}|ten|twenty|thirty|fifteen|a dozen)\s+(?:\w+\s+){0,3}" + _PILLS,
    ),
    Rule("overdose", r"\b(?:button|coin|lithium|watch) batter(?:y|ies)\b|\bpoison(?:ed|ing)\b"),
    # Pregnancy, infants
    Rule("pregnancy bleeding", r"\b(?:bleed\w*|blood|gush\w*|clots?)\b", also=(r"\bpregnan\w*",)),
    Rule(
        "no fetal movement",
        r"\b(?:baby|babys|fetus)\b{gap}(?:isnt|not|hasnt|stopped|has not|no longer|wont)\s+"
        r"(?:been\s+)?(?:moving|kicking|move|kick)",
    ),
    Rule(
        "no fetal movement",
        r"\b(?:no|less|decreased|reduced|fewer)\s+(?:fetal\s+)?(?:movement|kicks|kicking)\b",
    ),
    Rule("pregnancy emergency", r"\bwater (?:just )?broke\b"),
    Rule(
        "lethargic infant",
        r"\b(?:letharg\w*|limp|floppy|unresponsive|hard to wake|not waking|wont wake|barely awake|"
        r"very sleepy|really sleepy|so sleepy|super sleepy|acting sleepy|blue|not breathing|"
        r"wont feed|not feeding|refusing to feed)\b",
        also=(
            r"\b(?:baby|babys|infant|newborn|toddler|\d+\s*(?:week|wk|month|mo|day)s?\s*old|"
            r"\d+\s*(?:weeks?|months?|mos)\b|\d+ (?:yr|year)s? old|\d+ (?:yr|year) old)",
        ),
    ),
    Rule(
        "newborn fever",
        r"\b(?:fever|temp\w*)\b",
        also=(r"\b(?:newborn|\d+\s*(?:day|week|wk)s?\s*old|\d+\s*(?:days?|weeks?)\b)",),
    ),
    # Other
    Rule("severe pain", r"\b(?:10|ten)\s*(?:/|out of|of)\s*(?:10|ten)\b"),
    Rule("severe pain", r"\b(?:excruciating|unbearable|worst pain|agonizing)\b"),
    Rule("severe pain", r"\bcant (?:even )?stand (?:up )?(?:straight)?\b(?!\s+(?:it|the|this|him|her))"),
    Rule(
        "diabetic emergency",
        r"\b(?:sugar|glucose|blood sugar|bg|meter|glucometer|cgm|dexcom|libre|sugar reading)\b"
        r"(?:\W+\w+){0,3}?\W+(?:[4-9]\d\d|[1-3]\d)\b",
    ),
    Rule("diabetic emergency", r"\b(?:sugar|glucose)\b{gap}(?:reads )?hi\b|\bdka\b"),
    Rule(
        "hypertensive emergency",
        r"\b(?:headache|dolor de cabeza|blurr?y|blurred|vision|seeing (?:spots|double)|borros\w*|"
        r"vista|chest (?:pain|hurts|tight\w*|pressure)|dolor de pecho|confus\w*|confundid\w*|"
        r"numb(?!er)\w*|weak\w*|slurr\w*|short of breath|nose ?bleed|falta (?:el )?aire|"
        r"duele (?:\w+ ){0,2}(?:la cabeza|el pecho))",
        also=(
            r"\b(?:blood pressure|pressure|presion|reading|bp)\b(?:\W+\w+){0,4}?\W+"
            r"(?:(?:1[89]\d|2\d\d)\s*(?:/|over)\s*\d{2,3}|\d{2,3}\s*(?:/|over)\s*1[2-9]\d)\b",
        ),
    ),
)

EMERGENCY_MENTAL_HEALTH = (
    Rule("suicide", r"\bsuicid\w*"),
    Rule("suicide", r"\bkill\w*\s+(?:my ?self|him ?self|her ?self|them ?selves|themself)"),
    Rule(
        "suicide",
        r"\b(?:end|ending|ended|take|taking)\s+(?:it all|my life|his life|her life|their life|"
        r"my own life|it(?=\W*$)|it tonight|everything)\b",
    ),
    Rule(
        "suicide",
        r"\b(?:thoughts?|thinking|think|thought)\s+(?:about|of)\s+(?:\w+\s+)?(?:ending|killing|"
        r"hurting|harming|dying|taking my life|not being here|suicide)",
    ),
    Rule("wants to die", r"\b(?:want|wanna|wanted|wants|going|ready|wish) (?:to )?die\b"),
    Rule("wants to die", r"\bwish (?:i|he|she) (?:was|were) dead|\bbetter off dead\b"),
    Rule(
        "wants to die",
        r"\b(?:dont|do not|doesnt|dont really|no longer) (?:want|wanna|wish) (?:to )?"
        r"(?:live|be alive|be here|exist|wake up|go on|keep going)\b",
    ),
    Rule(
        "wants to die",
        r"\b(?:would|will|d|could)\s+(?:all\s+)?be\s+(?:\w+\s+)?(?:fine|ok|okay|happier|good|"
        r"better|great)\s+(?:\w+\s+)?without me\b|\b(?:are|is) (?:all )?(?:better|happier) "
        r"(?:off )?without me\b",
    ),
    Rule(
        "wants to die",
        r"\b(?:dont|do not|cant|no longer) see (?:the|a|any) point (?:anymore|any more|in (?:living|"
        r"life|anything|going on|trying|being here)|of (?:living|life|anything|going on))\b"
        r"|\bwhats the point (?:of|in) (?:living|life|going on|being here)\b",
    ),
    Rule(
        "suicide plan",
        r"\b(?:pills|gun|rope|knife|razor|blade|bottle)\b(?:\W+\w+){0,3}?\W+(?:right here|next to me|"
        r"in my hand|beside me|with me)\b",
        also=(
            r"\b(?:point|without me|anymore|end it|die|dead|goodbye|nobody|no one|alone|hopeless|"
            r"done|cant do this)\b",
        ),
    ),
    Rule(
        "wants to die",
        r"\b(?:better off|be better)\s+(?:\w+\s+){0,2}(?:without me|if i (?:just )?"
        r"(?:wasnt|werent|was not|was gone|died|disappeared)|dead)",
    ),
    Rule(
        "wants to die",
        r"\b(?:wont|will not|not going to|wont even) be (?:around|here|alive) (?:much )?"
        r"(?:longer|anymore|tomorrow|for long)\b",
    ),
    Rule("wants to die", r"\b(?:wasnt|werent|wasn t|not) (?:here|alive) anymore\b"),
    Rule(
        "wants to die",
        r"\b(?:no|nothing|not any) (?:reason|point|purpose) (?:to|in|for) (?:live|living|"
        r"going on|go on|keep going|being here)\b",
    ),
    Rule(
        "wants to die",
        r"\b(?:want|wanna|ready for|need) (?:it all|everything|this|my life|the pain) to (?:end|stop|be over)\b",
    ),
    Rule(
        "wants to die",
        r"\b(?:nobody|no one|noone) (?:would|will|is going to|gonna) (?:care|notice|miss me)\b",
    ),
    Rule(
        "wants to die",
        r"\b(?:cant|cannot|can not) (?:do this|take (?:it|this)|go on|handle (?:it|this)|keep going)"
        r" (?:anymore|any more)\b",
        also=(
            r"\b(?:pills|die|dead|end|life|gun|kill|hopeless|nobody|no one|pointless|goodbye|alone|"
            r"depress\w*|(?:im|hes|shes|theyre|was|is|that hes|that shes) sorry|"
            r"(?:not|isnt|wont|stopped) (?:picking up|answering|responding|pick up|answer|respond)|"
            r"cant reach)\b",
        ),
    ),
    Rule(
        "suicide plan",
        r"\b(?:pills|gun|rope|knife|razor|blade)\b(?:\W+\w+){0,3}\W+in front of me\b",
    ),
    Rule(
        "threat of violence",
        r"\b(?:said|says|threatened|threatening|threatens|told me)\b.{0,25}\bkill (?:me|us|my \w+)\b",
    ),
    Rule("threat of violence", r"\b(?:hed|hell|he will|she will|shed|theyll|they will) kill (?:me|us)\b"),
    Rule("wants to die", r"\bcant go on\b|\b(?:want|wanna) to disappear (?:forever)?\b"),
    Rule(
        "self-harm",
        r"\b(?:cutting|cut|burning|burned|hurting|harming|hurt|harm|starving)\s+(?:my ?self|"
        r"him ?self|her ?self|themselves)\b",
    ),
    Rule("self-harm", r"\bself[- ]?harm\w*|\bbeen cutting\b|\bcutting again\b|\bstarted cutting\b"),
    Rule(
        "suicide plan",
        r"\b(?:saving|stockpil\w*|hoard\w*|collecting)\s+(?:up\s+)?(?:my\s+|his\s+|her\s+|the\s+)?"
        + _PILLS,
    ),
    Rule(
        "suicide plan",
        r"\b(?:plan|plans|planning|going|gonna|want|wanna|ready)\s+(?:to\s+)?(?:overdose|od|"
        r"kill|end it|end my|take all|jump (?:off|from|in front)(?! (?:the |a |my |our )?(?:diving board|"
        r"couch|bed|trampoline|swings?|dock|boat|stairs?|porch|steps?|playground|slide|monkey bars))|"
        r"hang (?:my ?self|him ?self|her ?self))\b",
    ),
    Rule(
        "suicide method",
        r"\b(?:thinking|thought|think|thoughts|want|wanting|wanna|going|gonna|plan|planning|ready|"
        r"tempted|urge|might|could just|keep picturing|imagining)\s+(?:about\s+|of\s+|to\s+)?"
        r"(?:\w+\s+){0,2}?(?:driv\w*|crash\w*|steer\w*|jump\w*|step\w*|walk\w*|throw\w* my ?self)\b"
        r"(?:\W+\w+){0,4}?\W+(?:off (?:a|the|my|that) (?:bridge|roof|building|balcony|cliff|overpass|"
        r"ledge|parking garage|tower)|in front of (?:a|the|an) (?:train|bus|truck|car|semi)|into "
        r"(?:oncoming )?traffic|into the (?:river|lake|ocean|water))",
    ),
    Rule(
        "suicide method",
        r"\b(?:hang|hanging|shoot|shooting|drown|drowning|slit|slitting|poison|poisoning|od|"
        r"overdose|overdosing)\s+(?:my ?self|my wrists?)\b",
    ),
    Rule(
        "suicide method",
        r"\b(?:driv\w*|crash\w*|steer\w*)\s+(?:my|the|his|her|our)\s+(?:car|truck)\s+(?:off|into)\s+"
        r"(?:a|the)\s+(?:bridge|cliff|tree|wall|river|lake|overpass|ravine|oncoming traffic)\b",
    ),
    Rule("suicide plan", r"\btonight is the night\b|\bwrote (?:\w+ ){0,2}(?:letters|goodbye|a note|notes)\b"),
    Rule(
        "goodbye message",
        r"\bgoodbye\b|\bgood bye\b",
        also=(
            r"\b(?:depress\w*|not answering|isnt answering|wont answer|not picking up|cant reach|"
            r"sorry|letters?|notes?|pills|gun)\b",
        ),
    ),
    Rule(
        "harm to others",
        r"\b(?:kill|shoot|stab|murder|hurt|strangle)\s+(?:him|her|them|someone|somebody|people|"
        r"everyone|my (?:ex|wife|husband|boss|partner|mom|dad|brother|sister|kids?|son|daughter|"
        r"neighbor|family)|his (?:ex|wife|girlfriend|boss)|her (?:ex|husband|boyfriend|boss))\b",
    ),
    Rule(
        "harm to others",
        r"\b(?:gun|guns|knife|weapon|rifle|pistol|shotgun)\b",
        also=(
            r"\b(?:kill|shoot|hurt|take care of|going to|gonna|threaten\w*|tonight|ex|revenge)\b",
        ),
    ),
)

IDIOMS = (
    r"\b(?:almost|nearly|about to|gonna|going to|gave me|give me|giving me|literally|practically|"
    r"basically|could have|couldve)\b(?:\W+\w+){0,3}?\W+(?:a\s+)?(?:heart attack|stroke)\b",
    r"\bheart attack when\b",
    r"\b(?:almost|nearly|about to|practically|literally)\s+(?:passed out|pass out|fainted|faint|"
    r"died|die|fell over|fall over|had a (?:heart attack|stroke))\b(?=\W+(?:when (?:i|we) (?:saw|seen|"
    r"opened|read|got|looked|checked)|(?:seeing|reading|opening|at) (?:the|this|my|that|your|our) "
    r"(?:bill|statement|price|total|charge|balance|cost|invoice|estimate)))",
    r"\b(?:my )?heart (?:stopped|skipped(?: a beat)?|dropped|sank|sunk) (?:when|for a (?:second|sec|"
    r"moment)|lol|reading|seeing|after (?:i|seeing|reading))",
    r"\bdying (?:to|for) (?:know|hear|see|get|find|try|meet|go|have|learn)\w*",
    r"\b(?:bored|scared|worried|embarrassed|tired|freezing|sick|stressed) to death\b",
    r"\bdeath of me\b",
    r"\b(?:going to|gonna|will|would|might|literally|gon)\s+(?:\w+\s+)?kill (?:me|us)\b",
    r"\b(?:is|are|its|thats|was|were|been) (?:\w+ )?killing me\b",
    r"\bkill(?:s|ed|ing)? it\b|\bto die for\b|\bi (?:could|would) (?:just )?die\b",
    r"\b(?:dead|dying|died) (?:of|from) (?:laughter|laughing|embarrassment|boredom|shame)\b",
    r"\bim dead\W+(?:lol|lmao|haha)",
    r"\bdead tired\b|\bdrop dead gorgeous\b",
)

NEGATIONS = (
    r"\b(?:no|not|never|without|denies|deny|denied|dont|doesnt|didnt|havent|hasnt|isnt|arent|"
    r"wasnt|werent|nor|zero|free of|negative for|none|neither|any signs? of|rule out)\b",
    r"\bif (?:i|you|he|she|they|we|it) (?:ever |start |starts )?(?:get|gets|got|have|has|had|"
    r"develop\w*|notice\w*|feel|feels|start\w*|experience\w*|see|sees)\b",
    r"\b(?:in case of|watch (?:out )?for|look out for|warning signs|signs of|what if|unless)\b",
)

RESOLVED = (
    r"\b(?:doing|feeling|feel|felt)\s+(?:\w+\s+){0,2}(?:great|fine|good|well|better|normal|ok|okay)\b",
    r"\bback to (?:his|her|my|their|your|our)?\s*(?:normal|usual|old)(?: self)?\b",
    r"\bcleared (?:me|him|her|us|them)\b",
    r"\bfeel (?:totally |completely |perfectly |100 ?% )?(?:normal|fine|great|good)\b",
    r"\b100 ?% better\b",
    r"\b(?:last|this past) (?:year|month|spring|summer|fall|winter|decade)\b",
    r"\b(?:\d+|a|an|one|two|three|four|five|few|several|many|couple|couple of|a couple of|a few) "
    r"(?:years?|months?|yrs?) ago\b",
    r"\bin a (?:\w+ )?(?:good|better|great|healthy|safe) place\b",
    r"\bback in (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4}|the day|college|high school)\b",
    r"\bin (?:19|20)\d\d\b",
    r"\bsince (?:the|my|his|her) (?:stent|surgery|procedure|bypass|operation|transplant)\b",
    r"\bno longer\b|\bnot (?:having|getting) (?:any|that)\b",
    r"\b(?:history of|hx of)\b",
    r"\b(?:im|i am|hes|shes|he is|she is) safe now\b",
    r"\b(?:over it|all better|recovered|healed)\b",
)

SETTLED = (
    r"\b(?:stable|fine|okay|ok|safe|better|recovered|discharged|home) now\b",
    r"\b(?:was|were|came back|all|everything|labs?|ekg|scan|test) (?:\w+ )?normal\b",
    r"\bsaid (?:\w+ ){0,3}(?:fine|ok|okay|nothing serious|normal|muscle|dehydrat\w*|be fine)\b",
    r"\b(?:pulled|strained) (?:a )?muscle\b",
    r"\bsent (?:him|her|me|them|us) home\b|\bdischarged\b",
    r"\bcalled poison control\b",
)

ONGOING = (
    r"\b(?:again|right now|still|started|starting|getting worse|worse|worsening|this morning|"
    r"this afternoon|this evening|tonight|just now|minutes ago|an hour ago|keeps?|currently|"
    r"at the moment|as we speak|since (?:this|last|yesterday))\b",
)

SYMPTOMS = (
    Rule(
        "pain",
        r"\b(?:pain|pains|painful|hurts?|hurting|ache|aches|aching|achy|sore|soreness|cramp\w*|"
        r"tender|killing me|throbbing|stiff)\b",
    ),
    Rule("fever", r"\b(?:fever\w*|temp (?:is|of|was)|temperature|chills|febrile)\b"),
    Rule(
        "respiratory",
        r"\b(?:cough\w*|congest\w*|stuffy|runny nose|sneez\w*|wheez\w*|short of breath|phlegm|"
        r"mucus|sinus\w*|sore throat|green stuff|strep)\b",
    ),
    Rule(
        "stomach",
        r"\b(?:vomit\w*|throwing up|threw up|throw up|nause\w*|diarrh\w*|constipat\w*|"
        r"stomach (?:bug|ache|issues|problems)|wrecking my stomach|upset stomach|heartburn)\b",
    ),
    Rule(
        "skin or swelling",
        r"\b(?:rash\w*|hives|itch\w*|swell\w*|swollen|lump|bruis\w*|bleed\w*|blood in|pink eye|"
        r"goopy|discharge|drain(?:ing|s)|pus|ooz\w*|puff(?:y|iness|ed up)|edema|fluid retention|"
        r"infected|infection|abscess|burn|burns|cut (?:my|his|her)|bump)\b",
    ),
    Rule(
        "neurological",
        r"\b(?:dizz\w*|lightheaded|light headed|faint\w*|numb(?!er)\w*|tingl\w*|headaches?|migraines?|"
        r"blurr?y|vertigo|shaky|shaking|tremor\w*)\b",
    ),
    Rule("urinary", r"\b(?:burning when|burns when|uti|bladder infection|peeing blood|blood in (?:my )?urine)\b"),
    Rule(
        "mental health",
        r"\b(?:depress\w*|anxi\w*|panic attacks?|really down|so down|feeling down|been down|"
        r"not sleeping|cant sleep|insomnia|hopeless|"
        r"feel(?:ing|s)? (?:\w+ )?(?:flat|foggy|numb inside|emotionally numb|jittery|wired|sluggish|off))\b",
    ),
    Rule(
        "medication problem",
        r"\b(?:side effects?|reaction to|interact\w*|makes? me (?:feel |a little |really |so )?"
        r"(?:\w+ )?(?:dizzy|sick|nauseous|lightheaded|tired|itch\w*|throw up|sleepy|weird)|"
        r"wrecking|allergic to)\b",
    ),
    Rule("infection test", r"\btested positive|\bpositive for\b"),
    Rule(
        "vital signs",
        r"\b(?:blood pressure|sugar|glucose|a1c|oxygen|o2|pulse|heart rate)\b(?:\W+\w+){0,3}?\W+\d{2,3}\b",
    ),
    Rule("vital signs", r"\b(?:high|low) (?:blood pressure|sugar|oxygen|heart rate)\b"),
    Rule(
        "illness",
        r"\b(?:sick(?! of)|unwell|not feeling well|under the weather|injur\w*|sprain\w*|"
        r"broke (?:my|his|her)|fell|pneumonia|admitted|hospitali[sz]ed|flu like|covid symptoms|"
        r"earache|ear infection|(?:gained|up|put on) \d+ (?:lbs?|pounds)(?: (?:in|this|since))?)\b",
    ),
)

CLINICAL_QUESTIONS = (
    r"\bshould (?:i|he|she|we|they) (?:\w+ )?(?:stop|take(?! (?:the|a|an) (?:bus|train|taxi|cab|uber|lyft|car|elevator|stairs))|keep taking|keep|be worried|worry|"
    r"come in|go (?:in|to)|bring (?:him|her|them|my \w+) in|be seen|double|skip|continue|"
    r"give|use|watch)\b",
    r"\b(?:is|was|are) (?:that|this|it|these|those) (?:normal|bad|serious|ok|okay|safe|dangerous|"
    r"contagious|an? side effect)\b",
    r"\bwhat (?:can|should|do) (?:i|we|he|she) (?:take|give|do|use)\b",
    r"\bcan i (?:take|give|stop(?! (?:by|in|over|at|past))|use|mix|drink|double|skip)\b",
    r"\bhow (?:much|many|often) .{0,40}\b(?:take|give|can)\b",
    r"\b(?:does|do|will) (?:he|she|i|they|my \w+) need to (?:be seen|come in|go in)\b",
    r"\b(?:call|phone) (?:something|it|an? \w+|in an? \w+) in\b|\bcall in (?:an? \w+|something|anything)\b",
    r"\b(?:anything|what) (?:i|we) should (?:watch|look) (?:for|out)\b",
    r"\bride it out\b|\bwhat do (?:we|i) do\b|\bwhat should (?:i|we) do\b",
    r"\b(?:if|whether) (?:i|he|she|we) (?:should|needs? to|need to) (?:bring|come|go|take|keep|stop|be seen)\b",
    r"\bask (?:the )?doctor (?:if|about|whether)\b",
    r"\b(?:adjust|lower|raise|increase|decrease|reduce|bump up|up)\s+(?:the |my |his |her )?"
    r"(?:dose|dosage)\b|\badjust (?:it|that|my medications?)\b",
    r"\b(?:when|how long|how soon|what time) (?:should|can|do|must) (?:i|he|she|we) (?:\w+ ){0,4}"
    r"(?:take|eat|stop|start|give|restart)\b",
    r"\bquestions? (?:about|on|regarding) (?:my|his|her|the) (?:new )?(?:medications?|medicine|dose|"
    r"dosage|treatment|pills?|side effects?)\b",
)

OPT_OUT = (
    r"\b(?:stop|quit|cease|please stop|discontinue|end)\s+(?:\w+\s+)?(?:texting|texts?|messaging|"
    r"messages|sending|contacting|txting|msging|reminders?|spamming|sms)\b",
    r"\b(?:dont|do not|never)\s+(?:text|message|msg|txt|contact|sms)\s+(?:me|us|this number)\s*"
    r"(?:anymore|any more|again|ever)\b",
    r"\b(?:dont|do not)\s+send\s+(?:me\s+)?(?:any more|anymore|more|these|those|your)?\s*"
    r"(?:texts?|messages|reminders|sms)\b",
    r"\bno more (?:texts?|text messages|messages|reminders|sms|txts)\b",
    r"\b(?:take|remove|delete|drop|unsubscribe|erase)\s+(?:me|my (?:phone )?number|this number|"
    r"my name|us|my info)\s+(?:off|from)\b",
    r"\btake me off\b|\bremove (?:me|my number)\b",
    r"\bunsubscribe\b|\bunsub\b",
    r"\bopt (?:me )?out\b|\boptout\b|\bopt-out\b",
    r"\b(?:turn|switch|shut)\s+off\s+(?:\w+\s+){0,2}(?:texts?|text messages|messages|reminders|"
    r"notifications|sms|texting)\b",
    r"\b(?:turn|switch|shut)\s+(?:the\s+|my\s+|your\s+)?(?:texts?|text messages|messages|reminders|"
    r"sms|notifications|text reminders)\s+off\b",
    r"\b(?:dont|do not|no longer)\s+(?:want|wish|like)\s+to\s+(?:receive|get)\s+(?:\w+\s+){0,2}"
    r"(?:texts?|messages|reminders|sms)\b",
    r"\b(?:dont|do not)\s+want\s+(?:any more |anymore |these |your |any |more )?(?:texts?|text "
    r"messages|messages|reminders)\b",
    r"\bstop (?:contacting|bothering|harassing) me\b",
    r"\b(?:told|tell|asked|ask|said|say)\s+(?:you|yall|you all|you guys|you people)\s+(?:\w+\s+)?"
    r"(?:to\s+)?stop\b(?=\s*(?:[.!?,]|$|(?:texting|messaging|sending|contacting|calling|"
    r"it|already|now)\b))",
    r"(?:^|[.!?]\s*)(?:please |just |now |so )?leave me alone\b",
    r"\brevoke (?:my )?consent\b|\bwithdraw (?:my )?consent\b",
    r"\bno (?:more )?texts?,? (?:please|thanks|thank you)\b",
)

OPT_IN = (
    r"\b(?:turn|switch|put)\s+(?:\w+\s+){0,4}(?:back on|on again)\b",
    r"\b(?:start|resume|restart)\s+(?:sending|texting)\s+(?:me\s+)?(?:\w+\s+)?(?:again|back)?",
    r"\bopt (?:me )?(?:back )?in\b|\bresubscribe\b|\bsubscribe me\b|\bre-subscribe\b",
    r"\b(?:want|like|love) to (?:get|receive) (?:\w+ ){0,3}(?:texts?|reminders|messages) again\b",
    r"\b(?:texts?|reminders|messages) (?:back on|again please)\b",
)

_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_APPT = r"(?:appointments?|visits?|physicals?|checkups?|check ups?|sessions?|exams?|consults?|video visits?|well checks?|follow ups?|followups?)"

INTENTS = (
    IntentRules(
        Intent.COMPLAINT,
        strong=(
            r"\b(?:manager|supervisor|complaint|complain|administrator|practice director|"
            r"someone in charge|person in charge)\b",
            r"\b(?:rude|disrespectful|unprofessional|condescending|dismissive)\b",
            r"\bhung up on me\b|\bfix your (?:system|phones?|office|scheduling)\b",
            r"\bwaited (?:for )?(?:an hour|\d+ (?:min|minutes|hours?))\b.{0,60}\b(?:lobby|never|still|nobody|and then)\b",
            r"\brushed me\b|\bnever (?:even )?got seen\b",
        ),
    ),
    IntentRules(
        Intent.WRONG_NUMBER,
        strong=(
            r"\bwrong (?:number|person|phone|contact|no|num)\b|\bwrong #",
            r"\bno (?:one|body) (?:here )?(?:named|by the name|called)\b",
            r"\bthere(?:s| is) no \w+ here\b",
            r"\bthis (?:isnt|is not) \w+s (?:phone|number)\b",
            r"\b(?:not|isnt) \w+s (?:phone|number) anymore\b",
        ),
    ),
    IntentRules(
        Intent.HELP,
        strong=(
            r"^\W*(?:help|info|information|helpp)\W*$",
            r"\bwho (?:is|s) (?:this|texting)\b|\bwhos (?:this|texting)\b|\bwho are (?:you|u)\b",
            r"^\W*what is this\W*$|\bwhat(?: is|s| s) this (?:number|about)\b|\bwhy (?:am i|are you) "
            r"(?:getting|texting|sending)\b|\bgot a text from (?:this|your) number\b",
            r"\bis this (?:the )?(?:doctor|clinic|office|dr|practice|hospital|\w+ (?:clinic|office))\b",
            r"\bwhat (?:clinic|office|practice) is this\b",
        ),
    ),
    IntentRules(
        Intent.LANGUAGE,
        strong=(
            r"\b(?:in|into) (?:spanish|english|vietnamese|chinese|mandarin|cantonese|korean|arabic|"
            r"russian|tagalog|filipino|creole|kreyol|haitian|portuguese)\b(?! (?:speaker|interpreter|translator|speaking))",
            r"\b(?:spanish|english|vietnamese|chinese|korean|arabic|russian|tagalog|creole|"
            r"portuguese) (?:please|only|pls)\b",
        ),
    ),
    IntentRules(
        Intent.REFILL,
        strong=(
            r"\bre-?fill\w*\b",
            r"\brenew\w* (?:my |the |his |her )?(?:prescription|medication|script)",
            r"\bprescriptions?\b",
            r"\bsend (?:my|his|her|the|a|in my) (?:\w+ ){0,3}to (?:the )?(?:new )?(?:cvs|walgreens|"
            r"walmart|rite aid|pharmacy|kroger|costco|heb|target|publix|safeway|mail order|sams)",
            r"\b(?:switch\w*|change\w*|transfer\w*|moved?) (?:my )?pharmac(?:y|ies)\b",
            r"\b(?:ran out|run out|running out|running low|almost out|out) of (?:my )?"
            r"(?:medications?|medicine|pills|inhaler|insulin|\w+ pills)\b",
            r"\bmail order pharmacy\b|\b90 day (?:supply|prescription)\b|\bscript\b",
        ),
        weak=(r"\bpharmacy\b|\bcvs\b|\bwalgreens\b",),
    ),
    IntentRules(
        Intent.TEST_RESULTS,
        strong=(
            r"\bresults?\b",
            r"\b(?:labs?|lab work|bloodwork|blood work|tests?|biopsy|scans?|x ?rays?|mri|ct|"
            r"ultrasound|mammogram|pap|culture|a1c|ekg|swab|bloods)\b(?:\W+\w+){0,6}?\W+"
            r"(?:back|in yet|ready|come in)\b",
            r"\bany (?:word|news|update) (?:on|about) (?:my|the|his|her)\b(?!\s+(?:\w+\s+)?(?:referrals?|"
            r"refills?|prescriptions?|appointments?|records?|forms?|bills?|claims?|insurance|"
            r"prior auth\w*|paperwork|fmla|disability))",
            r"\bwhat did (?:my|the|his|her) (?:\w+ )?(?:tests?|labs?|x ?rays?|xrays?|scans?|mri|ct|"
            r"ultrasound|biopsy|bloodwork|mammogram) (?:show|say|find)\b",
            r"\bwhat (?:does|do) .{0,30}\bmean\b",
        ),
    ),
    IntentRules(
        Intent.INSURANCE,
        strong=(
            r"\binsurances?\b",
            r"\b(?:medicaid|medicare|medi cal|tricare|molina|cigna|aetna|humana|ambetter|"
            r"unitedhealthcare|united healthcare|united health|blue cross|bcbs|blue shield|kaiser|"
            r"anthem|caresource|wellcare|oscar|chip)\b",
            r"\b(?:covered|coverage|covers|in network|in-network|out of network|prior auth\w*|"
            r"pre-?auth\w*|preauthoriz\w*)\b",
            r"\b(?:do|does) (?:you|yall|you all|you guys|the clinic|your office) (?:take|accept)\b"
            r"(?! new)",
        ),
    ),
    IntentRules(
        Intent.BILLING,
        strong=(
            r"\bbill(?:s|ed|ing)?\b",
            r"\bstatements?\b|\bbalance\b|\bowe\b|\bcopays?\b|\bco-pays?\b|\binvoice\b",
            r"\bcharge[ds]?\b|\bfees?\b|\bitemized\b|\bcollections?\b|\brefund\w*\b",
            r"\b(?:pay|paid|paying|payment|payments)\b",
            r"\bhsa\b|\bfsa\b|\bdeductible\b|\bpayment plan\b",
        ),
    ),
    IntentRules(
        Intent.RECORDS,
        strong=(
            r"\b(?:medical |immunization |vaccine |vaccination |shot )?records?\b",
            r"\bcop(?:y|ies) of (?:my|his|her|their|the)\b",
            r"\bsend (?:my|his|her) (?:chart|file|notes)\b|\bmy chart to\b",
            r"\b(?:fax|email|e mail|mail) (?:it|them|that|a copy|my \w+|the \w+) (?:over )?to (?:my |his |her |the )?"
            r"(?:employer|work|job|school|daycare|lawyer|attorney|new doctor|boss|hr)\b",
        ),
    ),
    IntentRules(
        Intent.REFERRAL,
        strong=(r"\breferr(?:al|als|ed)\b", r"\brefer (?:me|him|her|us|them)\b"),
    ),
    IntentRules(
        Intent.CANCEL,
        strong=(
            r"\bcancel\w*\b(?!\s+(?:the |my |these |your )?(?:texts?|messages|subscription|"
            r"reminders))",
        ),
        weak=(
            r"\b(?:cant|wont be able to|not able to|unable to|wont) (?:make it|come|come in|go|"
            r"attend|be there)\b",
            r"\bdont need (?:it|the appointment|the visit) anymore\b",
        ),
    ),
    IntentRules(
        Intent.RESCHEDULE,
        strong=(
            r"\bre-?schedul\w*",
            r"\bre-?book\w*",
            r"\bmove (?:my|the|our|her|his|it|that|this|tomorrows?|todays?|" + _DAYS + r"s?)\b"
            r"(?! (?:arm|leg|hand|face|fingers|left|right|side|body))",
            r"\bpush (?:it|my|the|that|this|\w+s)\b|\bpush back\b",
            r"\b(?:different|another|other|new|later) (?:day|time|date|slot)\b",
            r"\b(?:next week|tomorrow|today|now|later|" + _DAYS + r"|morning|afternoon|another day)"
            r" instead\b|\binstead of \d|\b\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s+instead\b",
            r"\bchange (?:my|the|her|his|our)? ?(?:\w+ )?(?:appointment|time|visit|date|day)\b",
            r"\bmissed (?:my|the|our|her|his)\b",
            r"\bcan we do (?:next|another|a different|later)\b",
            r"\bswitch (?:my|the) (?:appointment|time|day)\b",
            r"\bappointment\b.{0,40}\binstead\b",
            r"\b(?:be|make it|do it as|switch (?:it )?to|change (?:it )?to) (?:a )?(?:phone call|phone visit|"
            r"video visit|telehealth visit|virtual visit|in person visit)\b",
        ),
        weak=(r"\blater (?:this|next) week\b",),
    ),
    IntentRules(
        Intent.SCHEDULE,
        strong=(
            r"\b(?:book|schedule|sched)\b(?! (?:change|conflict))",
            r"\b(?:set up|setup)\s+(?:an?\s+|my\s+|his\s+|her\s+)?(?:\w+\s+)?(?:appointment|visit|"
            r"physical|checkup|exam|time to come in)\b",
            r"\bneed (?:a|an) (?:covid |strep |flu |pregnancy |std |drug |tb |physical )?test\b",
            r"\b(?:make|get|need|want|request|like|requesting)\s+(?:an?\s+|another\s+)?"
            r"(?:(?!to\b|my\b|the\b|his\b|her\b)\w+\s+){0,2}?(?:appointment|appointments)\b",
            r"\bget (?:me|him|her|them|us|my \w+|\w+) in\b|\bget in\b|\b(?:squeeze|fit) (?:me|him|her|us) in\b",
            r"\bnew patients?\b|\baccepting patients\b",
            r"\b(?:any|anything|something|an?) (?:open|opening|openings|availability|available)\b",
            r"\b(?:anything|something|any time|anytime|any openings?) (?:this|next) (?:week|month)\b",
            r"\bdo (?:you|yall|you guys) (?:do|offer|have|give) (?:\w+ ){0,2}(?:physicals?|"
            r"appointments?|shots?|vaccines?|exams?)\b",
            r"\bsee (?:someone|somebody|a doctor|the doctor|doctor \w+|a nurse|a provider)\b",
            r"\b(?:can|could|will|would) (?:i|he|she|we|they|you|my \w+|\w+) (?:still )?be seen\b",
            r"\bwhat (?:times?|days?|slots?) (?:do|does|would|will) (?:you|you all|you guys|the doctor) have\b"
            r"|\bwhat (?:times?|days?) (?:are|is) (?:open|available|free)\b",
            r"\b(?:needs?|due for|time for) (?:a |an |his |her |my )?(?:(?!last\b|previous\b|old\b|recent\b)\w+ )?(?:physical|checkup|"
            r"check up|annual|well child|shots|vaccines?|flu shot|pap|mammogram)\b",
        ),
        weak=(r"\b(?:physicals?|checkups?|check ups?|annual|well child|flu shot)\b",),
    ),
    IntentRules(
        Intent.TELEHEALTH,
        weak=(
            r"\b(?:video|telehealth|tele health|telemedicine|virtual|zoom|doxy|facetime|televisit|"
            r"webcam|camera|mic|microphone)\b",
        ),
    ),
    IntentRules(
        Intent.PORTAL,
        weak=(
            r"\b(?:portal|mychart|my chart|log ?in|logging in|sign ?in|sign up|password|username|"
            r"verification code|proxy)\b",
        ),
    ),
    IntentRules(
        Intent.FORMS,
        weak=(
            r"\b(?:forms?|paperwork|intake|questionnaire|fill (?:it|this|them|out)|filled|"
            r"upload\w*|signature|consent form)\b",
        ),
    ),
)

#: Affirmations that confirm an appointment when they answer a reminder.
CONFIRM_PHRASES = (
    r"\bconfirm\w*\b",
    r"\b(?:ill|i will|we will|well|will|i\s?ll) be there\b",
    r"\bsee (?:you|ya) (?:then|there|soon|tomorrow|" + _DAYS + r")\b",
    r"\b(?:yes|yep|yeah|yup),? (?:i|we) (?:will|can|ll)\b",
)

THANKS = (
    r"\b(?:thanks?|thank you|thankyou|thx|ty|tyvm|appreciate\w*|lifesavers?|great job|amazing|"
    r"awesome|got it|will do|sounds good|ok|okay|kk|cool|perfect|great|wonderful|bless you)\b",
)

UPSET = (
    r"\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|\d+th) (?:time|call|text)\b",
    r"\b(?:called|asked|texted|tried|messaged)\s+(?:\w+\s+){0,3}(?:\d+|two|three|four|five|six|"
    r"several|multiple|many|so many) times\b",
    r"\b(?:\d+|two|three|four|five|six|several|multiple) (?:calls|messages|voicemails|texts)\b",
    r"\b(?:every time i call|keep (?:calling|asking|sending)|why do you keep|"
    r"still nothing|still havent heard|still no \w+)\b",
    r"\b(?:nobody|no one|noone|nobody ever|no one ever)\s+(?:\w+\s+)?(?:calls?|called|answers|"
    r"answered|answer|got|gets|responds|responded|calls me|has called|returns|returned|picks? up|"
    r"picked up|gets back|got back|replies|replied|will help|helps)\b",
    r"\bhow many times (?:do|have|must|should|will|did) (?:i|we)\b",
    r"\b(?:said|promised|told me) (?:she|he|they|someone|somebody|you|the \w+)\s*(?:d|would|will|"
    r"was going to|were going to)? (?:call|get back|text|reach out)\b.{0,60}\b(?:nothing|still|never|"
    r"no call|no one|nobody|havent heard|not a word)\b",
    r"\b(?:charged|billed)\b.{0,40}\b(?:twice|two times|double|three times)\b",
    r"\bdismissive\b|\bmade me feel (?:stupid|dumb|like an idiot|ignored|rushed|like a burden)\b",
    r"\bnever (?:called|got|get|hear|heard)\s+(?:me\s+)?back\b",
    r"\b(?:unacceptable|ridiculous|frustrat\w*|annoyed|angry|furious|upset with|not happy|"
    r"unhappy|disappointed|terrible|horrible|awful|worst (?:service|clinic|office)|rude|"
    r"disrespectful|harass\w*|fed up|sick of|tired of|absurd|insane|outrageous|wtf|"
    r"stressing me out|find another (?:doctor|clinic|provider)|fix your|hung up on me|"
    r"waste of (?:my )?time|this is crazy|so done with|never even got seen|rushed me)\b",
    r"\bwaited (?:for )?(?:an hour|over an hour|\d+ (?:min|minutes|mins|hours?))\b",
    r"\b(?:already )?(?:paid|filled|sent|called|asked|submitted|done)\b.{0,30}\b(?:twice|two times)\b",
    r"\b\d+ (?:min|minute|mins|minutes|hour|hours) (?:hold|on hold)\b|\bon hold for\b",
)

NEEDS_PERSON = (
    r"\b(?:error|errors|fail\w*|doesnt work|dont work|not working|isnt working|wont (?:let|load|"
    r"work|open|accept)|locked|lock(?:ed)? out|(?:cant|cannot|unable to) (?:log|sign|get in|see|"
    r"open|upload|join|hear|access|submit|attach|connect)|not (?:loading|letting)|keeps? "
    r"(?:saying|failing|asking|crashing)|still (?:showing|says|shows|incomplete)|incomplete|"
    r"someone else\w*|asking me for (?:a )?code|dont know what to put|hasnt joined|has not joined|"
    r"not joined|(?:no one|nobody) (?:is )?(?:there|here)|call me|doesnt match|dont match|"
    r"still cant|glitch\w*|broken|stuck|frozen|crash\w*|please call|someone call|dont understand|"
    r"can someone help|need help with|no (?:audio|sound)|keeps? (?:logging|kicking|signing|timing) "
    r"(?:me )?out|(?:logs|kicks|signs|logged|kicked) me out|times out|froze|freez\w*|start(?:ing)? over|lost (?:all )?(?:my )?"
    r"(?:progress|answers|work)|(?:doctor|nurse|provider|someone) to (?:fill(?: out)?|sign|complete)|"
    r"(?:signed|filled out|completed) by (?:the |my )?(?:doctor|nurse|provider)|"
    r"(?:never|didnt|did not|hasnt|has not|not) (?:yet )?(?:join\w*|show\w* up|shown up|logged on|"
    r"come on|connected)|already (?:registered|in use|exists|taken|has an account)|"
    r"(?:says|saying|shows|showing|tells me)\b.{0,30}\b(?:invalid|incorrect|not found|not recognized|"
    r"doesnt exist|expired|wrong))\b",
)

FUZZY_TERMS = (
    "chest", "breathe", "breathing", "breath", "bleeding", "seizure", "stroke", "unconscious",
    "unresponsive", "drooping", "slurring", "slurred", "swelling", "swollen", "throat", "overdose",
    "suicide", "suicidal", "pregnant", "headache", "confused", "fainted", "vomiting", "pressure",
    "tightness", "squeezing", "crushing", "numbness", "weakness", "passed", "collapsed",
    "convulsing", "tongue", "myself", "anaphylaxis", "allergic", "lethargic", "emergency",
)

PROTECTED_WORDS = frozenset(
    {
        "chess", "threat", "breeding", "strike", "stoke", "stone", "press", "best", "rest", "test",
        "cheat", "cheap", "check", "chase", "cheese", "passes", "passer", "swelled", "pregnancy",
        "suicides", "brother", "breathes", "breaths", "breast", "bread", "throats", "tongues",
        "pressed", "presser", "dressing", "blessing", "bleeding", "crossing", "crushed", "crush",
        "confuse", "confusing", "passed", "faint", "fainted", "weakens", "myself", "yourself",
        "himself", "herself", "itself", "overdue", "overdone", "headaches", "seize", "seized",
        "numbers", "number", "unsure", "throw", "thread", "swelling", "selling", "telling",
        "smelling", "spelling", "yelling", "dwelling", "dropping", "shopping", "stopping",
        "sloping", "slurry", "burring", "blurring", "allergies", "allergy", "breathed",
        "crashing", "slurping", "pasted", "tasted", "wasted",
    }
)

ABBREVIATIONS = (
    ("pls", "please"), ("plz", "please"), ("plss", "please"), ("pleasee", "please"),
    ("u", "you"), ("ur", "your"), ("yall", "you all"),
    ("appt", "appointment"), ("appts", "appointments"), ("apt", "appointment"),
    ("apmt", "appointment"), ("appointmnt", "appointment"),
    ("rx", "prescription"), ("rxs", "prescriptions"), ("presc", "prescription"),
    ("meds", "medications"), ("med", "medication"), ("bp", "blood pressure"),
    ("tmrw", "tomorrow"), ("tmr", "tomorrow"), ("tmrrw", "tomorrow"), ("tomm", "tomorrow"),
    ("2morrow", "tomorrow"), ("tomorow", "tomorrow"), ("tommorow", "tomorrow"),
    ("w", "with"), ("w/", "with"), ("b4", "before"), ("idk", "i dont know"),
    ("rn", "right now"), ("bc", "because"), ("cuz", "because"), ("cus", "because"),
    ("tho", "though"), ("wk", "week"), ("wks", "weeks"), ("yr", "year"), ("yrs", "years"),
    ("hrs", "hours"), ("hr", "hour"), ("mins", "minutes"), ("dr", "doctor"), ("drs", "doctors"),
    ("doc", "doctor"), ("msg", "message"), ("msgs", "messages"), ("txt", "text"),
    ("txts", "texts"), ("txting", "texting"), ("k", "ok"), ("kk", "ok"), ("okey", "ok"),
    ("nite", "night"), ("tonite", "tonight"), ("wanna", "want to"), ("gonna", "going to"),
    ("gotta", "got to"), ("thru", "through"), ("pt", "patient"),
    ("ppl", "people"), ("bday", "birthday"), ("dob", "date of birth"),
    ("cnt", "cant"), ("cld", "could"), ("shld", "should"),
    ("abt", "about"), ("bcuz", "because"), ("becuz", "because"),
    ("def", "definitely"), ("prob", "probably"), ("sched", "schedule"),
)

MARKERS = frozenset(
    {
        "the", "i", "my", "is", "you", "to", "and", "it", "can", "for", "of", "with", "have", "this",
        "need", "please", "thanks", "thank", "what", "when", "do", "at", "be", "are", "im", "dont",
        "was", "just", "get", "your", "will", "been", "has", "had", "would", "could", "should",
        "hi", "hey", "yes", "yeah", "if", "or", "but", "not", "an", "from", "there", "they",
        "she", "he", "him", "her", "our", "we", "how", "why", "who", "where", "today", "tomorrow",
        "morning", "week", "call", "back", "going", "got", "again", "thx", "ok", "okay", "its",
        "that", "know", "did", "does", "any", "some", "still", "appointment", "doctor", "sorry",
        "want", "send", "cancel", "help", "stop", "wrong", "number", "link", "visit", "pain",
        "cant", "come", "ill", "wont", "didnt", "isnt",
        # texting spellings, so short English replies are not left to the statistical detector
        "u", "ur", "tmrw", "tmr", "pls", "plz", "lol", "appt", "rn", "idk", "gonna", "wanna", "see",
        "yep", "yup", "nope", "ty", "tues", "thurs", "omg", "btw",
    }
)

STRONG_MARKERS = frozenset(
    {
        "the", "is", "and", "you", "my", "thanks", "thank", "what", "with", "have", "please",
        "this", "dont", "im", "it", "yes", "thx", "was", "would", "could", "should", "your",
    }
)

LEXICON = Lexicon(
    lang="en",
    markers=MARKERS,
    strong_markers=STRONG_MARKERS,
    emergency_medical=EMERGENCY_MEDICAL,
    emergency_mental_health=EMERGENCY_MENTAL_HEALTH,
    idioms=IDIOMS,
    negations=NEGATIONS,
    resolved=RESOLVED,
    settled=SETTLED,
    ongoing=ONGOING,
    symptoms=SYMPTOMS,
    clinical_questions=CLINICAL_QUESTIONS,
    opt_out=OPT_OUT,
    opt_in=OPT_IN,
    intents=(*INTENTS, IntentRules(Intent.CONFIRM, weak=CONFIRM_PHRASES), IntentRules(Intent.THANKS, weak=THANKS)),
    upset=UPSET,
    needs_person=NEEDS_PERSON,
    wants_manager=(
        r"\b(?:manager|supervisor|complaint|complain|administrator|someone in charge|"
        r"person in charge)\b",
    ),
    context_cues=(
        (
            "telehealth_prep",
            r"\b(?:link|app|browser|join|joining|connect\w*|camera|code|waiting room|video|zoom|"
            r"computer|laptop|tablet|internet|wifi|audio|sound|mic|ready)\b",
        ),
        (
            "form_reminder",
            r"\b(?:link|forms?|fill|filled|filling|submit\w*|upload\w*|page|site|website|computer|"
            r"done|finished|completed|signature|sign|already did|did it)\b",
        ),
    ),
    confirm_words=frozenset(
        {
            "c", "yes", "yeah", "yep", "yup", "y", "ok", "okay", "sure", "confirm", "confirmed",
            "confirming", "👍", "👌", "✅", "1", "k", "yea", "absolutely", "definitely",
        }
    ),
    done_words=frozenset(
        {"done", "finished", "completed", "complete", "submitted", "did it", "all done", "✅"}
    ),
    fuzzy_terms=FUZZY_TERMS,
    protected_words=PROTECTED_WORDS,
    abbreviations=ABBREVIATIONS,
)
