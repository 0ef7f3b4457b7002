"""English triage word lists: emergencies, symptoms, opt-out, intents, tone.

Patterns run over normalised text (see `flows.triage.lexicon.types`): lowercase, no accents, no
apostrophes ("cant", "hes"), abbreviations expanded ("appt" -> "appointment", "rx" ->
"prescription", "bp" -> "blood pressure", "dr" -> "doctor"). Some rules here are
language-neutral ("911", "10/10") and apply to every message.
"""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule, Vital
from flows.types import Intent

_WHO = r"(?:my|his|her|their|the|your|our)"
_PERSON3 = r"(?:hes|shes|he is|she is|theyre|they are|he was|she was|hes been|shes been|dad is|mom is)"
#: A chronic course ("numb for months", "carpal tunnel"): no sudden stroke sign.
CHRONIC_NEURO = (
    r"\b(?:for|over|past|the last|since) (?:\w+ ){0,2}(?:months|years|yrs|ages|a long time|a while now|"
    r"forever|birth|childhood)\b|\bcarpal tunnel\b|\bneuropath\w*|\bpinched nerve\b|\bsciatica\b|"
    r"\bdesde hace (?:\w+ )?(?:meses|anos)\b|\b(?:por|hace) (?:\w+ )?(?:meses|anos)\b|\btunel carpiano\b|"
    r"\bneuropatia\b|\bnervio pinchado\b",
)
_BREATHE = r"(?:breathe?|breathing|breth|breathin|catch (?:my|his|her|their) breath)"
_PILLS = r"(?:pills?|tablets?|medications?|medicines?|meds|capsules?|gummies|vitamins)"
#: Ways a child (or anyone) gets a substance into their mouth.
_INGEST = (
    r"(?:swallowed|swallowing|got into|gotten into|getting into|ate|eaten|eating|chewed|chewing|"
    r"drank|drunk|drinking|bit into|bit|bitten|biting|licked|sucked on|ingested|"
    r"put (?:\w+ )?in (?:his|her|their|my) mouth)"
)
#: After a pill count: the pills are what is left of a supply ("had 30 pills left"), not a dose.
_SUPPLY_LEFT = r"\b(?!\W+(?:\w+\W+)?(?:left|remaining|to go|in (?:the|her|his|my) (?:bottle|box|pack))\b)"
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
        r"\b(?:face|mouth|smile|lip|eye)\b{gap}(?:droop\w*|dropp\w*|(?<!eye )drop|sag\w*|crooked|"
        r"lopsided|uneven|paralyz\w*|fallen|numb(?!er)\w*)",
        unless=CHRONIC_NEURO,
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
        unless=CHRONIC_NEURO,
    ),
    Rule(
        "one-sided weakness",
        r"\b(?:weak\w*|numb(?!er)\w*|paralyz\w*|tingl\w*|dead)\b{gap}(?:on\s+)?(?:one side|(?:the\s+)?"
        r"(?:left|right) side|(?:left|right) (?:arm|leg|hand|side))",
        unless=CHRONIC_NEURO,
    ),
    Rule(
        "one-sided weakness",
        r"\b(?:left|right|one) (?:arm|leg|side|hand)\b{gap}(?:weak\w*|numb(?!er)\w*|limp|dead|"
        r"paralyz\w*|wont move|isnt moving)",
        unless=CHRONIC_NEURO,
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
        # Said of someone else: "I dont know her" is a stranger, not confusion.
        r"(?<!\bi )(?<!\bwe )(?<!\bi really )(?<!\bi just )\b(?:doesnt|does not|didnt|did not|cant|dont) "
        r"(?:know|recognize|remember) "
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
        r"(?:\W+\w+){0,4}?\W+(?:too many|a bunch of|a handful|(?:the|a|my|his|her|their) (?:whole|entire)|"
        r"all (?:of )?(?:my|his|her|the)|whole bottle|bottle of)",
    ),
    Rule(
        "overdose",
        r"\b" + _INGEST + r"\b(?:\W+\w+){0,4}?\W+(?:" + _PILLS + r"|" + _POISONS + r")\b",
    ),
    Rule(
        "overdose",
        r"\b(?:took|taken|swallowed|ate|had)\s+(?:like\s+|about\s+|around\s+|maybe\s+|over\s+)?"
        r"(?:[5-9]|\d{2,}|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifteen|a dozen)\s+(?:\w+\s+){0,3}" + _PILLS
        # A count still in the bottle is a supply, not a dose: "she had 30 pills left".
        + _SUPPLY_LEFT,
    ),
    Rule(
        "overdose",
        r"\b(?:took|taken|swallowed|ate|had|gave (?:him|her))\s+(?:like\s+|about\s+|around\s+|maybe\s+|"
        r"over\s+)?(?:[5-9]|\d{2,}|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
        r"a dozen)\s+of\s+(?:my|his|her|their|the|those|these)\b(?!(?:\W+\w+){0,2}?\W+(?:left|remaining)\b)",
    ),
    Rule("overdose", r"\b(?:button|coin|lithium|watch) batter(?:y|ies)\b|\bpoison(?:ed|ing)\b"),
    # A small child into someone else's pills: any one tablet can be dangerous (poison control).
    Rule(
        "overdose",
        r"\b(?:chewed|chewing|swallowed|ate|got into|bit into)\b(?:\W+\w+){0,3}?\W+(?:one of |some of |a few of |"
        r"a couple of |half of )?(?:my|her|grandmas?|grandpas?|moms?|dads?|someone elses?)\b(?:\W+\w+){0,3}?\W+"
        r"(?:pills?|tablets?|capsules?)\b",
        also=(r"\b(?:toddler|baby|(?:hes|shes|he is|she is|is|just turned) (?:one|two|three|four|1|2|3|4)\b|\d+ (?:year|yr|month)s? old|"
              r"my (?:son|daughter|kid|little one|grandson|granddaughter) (?:\w+ )?(?:got|chewed|ate|swallowed))",),
    ),
    # Pregnancy, infants
    Rule("pregnancy bleeding", r"\b(?:bleed\w*|blood(?! (?:tests?|work|draws?|type|results?|panel|levels?|sugars?|pressure))|gush\w*|clots?)\b", also=(r"\bpregnan\w*",)),
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
    Rule("severe pain", r"\bcant (?:even )?stand\b(?: up)?(?: straight)?\b(?!\s+(?:it|the|this|that|these|those|him|her|them|"
         r"you|your|yall|being|when|how|people|waiting|my|his|our|their|\w+ing)\b)"),
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
            r"\b(?:blood pressure|pressure|presion|reading|bp)\b(?:\W+\w+){0,12}?\W+"
            r"(?:(?:1[89]\d|2\d\d)\s*(?:/|over)\s*\d{2,3}|\d{2,3}\s*(?:/|over)\s*1[2-9]\d)\b",
        ),
    ),
)

EMERGENCY_MENTAL_HEALTH = (
    # A farewell under an errand: "cancel thursday. I won't be around by then anyway. thank you
    # for always being so kind to me". Travel plans ("won't be around, I'm away") lack the goodbye.
    Rule(
        "wants to die",
        r"\b(?:wont|will not|not going to) be (?:around|here|alive) (?:by then|after|much longer|next week)\b",
        also=(
            r"\b(?:anyway|thank you for (?:always|everything|being)|always (?:being )?so kind|goodbye|"
            r"take care of|for everything|it doesnt matter)\b",
        ),
    ),
    # Bringing a weapon to the clinic next time, as a threat ("talks to me like that again...").
    Rule(
        "harm to others",
        r"\b(?:bring|bringing|brought|come back with) (?:my |a |the )?(?:gun|knife|weapon|pistol|rifle|piece)\b",
        also=(r"\b(?:next time|try me|like that again|if (?:she|he|they|you) (?:ever|do|does)|watch|see what happens)\b",),
    ),
    # Intrusive thoughts of harming a baby or someone in one's care (postpartum): 988 and 911.
    Rule(
        "thoughts of harming someone",
        r"\b(?:scared|afraid|terrified|worried|frightened|scares me)\s+(?:of\s+)?what i (?:might|could|"
        r"will|would|may) do to\b",
    ),
    Rule(
        "thoughts of harming someone",
        r"\b(?:picturing|imagining|visualizing|thinking (?:about|of)|thoughts? (?:about|of)|urges? to|"
        r"images? of|keep seeing (?:myself )?)\s+(?:\w+\s+){0,2}?(?:hurting|hurt|smother\w*|shak(?:e|ing)|"
        r"drown\w*|suffocat\w*|harm(?:ing)?|kill(?:ing)?|put(?:ting)? a pillow over|throw(?:ing)?|"
        r"drop(?:ping)?|stab\w*|chok\w*)\s+(?:\w+\s+)?(?:baby|babys|infant|newborn|son|daughter|kid|kids|"
        r"child|children|toddler|her|him|them)\b(?! (?:feelings|back|career|chances|business))",
    ),
    Rule("suicide", r"\bsuicid\w*"),
    Rule("suicide", r"\bkill\w*\s+(?:my ?self|him ?self|her ?self|them ?selves|themself)"),
    Rule(
        "suicide",
        r"\b(?:end|ending|ended|take|taking)\s+(?:it all|my life|his life|her life|their life|"
        r"my own life|it tonight|everything)\b",
    ),
    # "end it." closing a message; "keep taking it" is a medication, not a life.
    Rule("suicide", r"\b(?:end|ending|ended)\s+it(?=\W*$)"),
    Rule(
        "suicide",
        r"(?<!keep )(?<!keeps )(?<!stop )(?<!start )(?<!still )\btake it(?=\W*$)",
        also=(r"\b(?:cant|anymore|any more|done|over|die|dead|goodbye|pills|gun|life|hopeless)\b",),
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
        # "collecting my meds from the pharmacy" is picking them up.
        unless=(r"\bcollect\w*\b(?:\W+\w+){0,4}?\W+(?:from|at) (?:the |my )?(?:pharmacy|chemist|drugstore)\b",),
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

#: A weapon, drink or hiding place beside "hes going to kill me": a threat, not a figure of speech.
THREAT_CUES = (
    r"\b(?:knife|knives|gun|pistol|rifle|shotgun|weapon|machete|drunk|hiding|hid|locked (?:myself|"
    r"ourselves|in)|coming after|breaking in|banging on (?:the|my) door|hit me|hitting me|choked me)\b"
)
IDIOMS = (
    # Hyperbole tied to a recurring trigger or a laugh: "heart attack every time I get a bill",
    # "overdosed on holiday cookies lol".
    r"\b(?:heart attack|stroke|aneurysm|coronary)\b(?:\W+\w+){0,4}?\W+(?:every time|each time|whenever|"
    r"any ?time)\b",
    r"\b(?:heart attack|stroke|aneurysm|overdos\w*)\b[^.!?\n]{0,40}?\b(?:lol|lmao|rofl|jk|haha\w*|hehe\w*|"
    r"just kidding|jaja\w*|kidding)\b",
    r"\b(?:overdos\w*|od|oded)\s+on\s+(?:\w+\s+){0,2}?(?:cookies?|candy|cake|pie|chocolates?|sweets|pizza|"
    r"turkey|food|carbs|netflix|tv|shows?|memes|love|cheese|tacos?|fries|donuts?|ice cream|cupcakes?|"
    r"leftovers|snacks|junk food|tamales|pasta|bread|halloween candy|christmas|holidays?|coffee|sun)\b",
    # A device or system that is "confused" is no patient.
    r"\b(?:gps|app|apps|maps?|system|computer|website|site|portal|phone|scheduler|machine|printer|bot|"
    r"robot|software|server|calendar|autocorrect|siri|alexa|google|navigation|waze|insurance|"
    r"pharmacy|receptionist|front desk|office)\s+(?:\w+\s+){0,2}?(?:is|was|seems|got|gets|getting|"
    r"keeps getting|must be|sounds)\s+(?:\w+\s+)?confused\b",
    r"\b(?:almost|nearly|about to|gonna|going to|gave me|give me|giving me|literally|practically|"
    r"basically|could have|couldve)\b(?:\W+\w+){0,3}?\W+(?:a\s+)?(?:heart attack|stroke)\b",
    r"\bheart attack when\b",
    # The same hyperbole when the bill comes first ("opened this bill and nearly passed out lol").
    r"\b(?:bill|statement|price|total|charges?|balance|cost|invoice|estimate|copay|quote)\b[^.!?\n]{0,40}?"
    r"\b(?:almost|nearly|practically|literally)\s+(?:\w+\s+){0,2}?(?:passed out|pass out|fainted|faint|"
    r"died|die|fell over|had a (?:heart attack|stroke))\b",
    r"\b(?:almost|nearly|about to|practically|literally)\s+(?:passed out|pass out|fainted|faint|"
    r"died|die|fell over|fall over|had a (?:heart attack|stroke))\b(?=\W+(?:when (?:i|we) (?:saw|seen|"
    r"opened|read|got|looked|checked)|(?:seeing|reading|opening|at) (?:the|this|my|that|your|our) "
    r"(?:bill|statement|price|total|charge|balance|cost|invoice|estimate)))",
    r"\b(?:my )?heart (?:stopped|skipped(?: a beat)?|dropped|sank|sunk) (?:when|for a (?:second|sec|"
    r"moment)|lol|reading|seeing|after (?:i|seeing|reading))",
    r"\bdying (?:to|for) (?:know|hear|see|get|find|try|meet|go|have|learn)\w*",
    r"\b(?:bored|scared|worried|embarrassed|tired|freezing|sick|stressed) to death\b",
    r"\bdeath of me\b",
    r"\bon pins and needles\b",
    r"\b(?:fell|fall|falling|fallen) (?:out of|off) (?:my|the|his|her) (?:chair|seat)\b",
    r"\b(?:going to|gonna|will|would|might|literally|gon)\s+(?:\w+\s+)?kill (?:me|us)\b",
    # A thing or a chore that "will kill" someone is a joke ("this flu shot is gonna kill him
    # lol"); a weapon or a hiding place beside it keeps it (see `_blank_idiom`).
    r"\b(?:shots?|flu shot|needles?|vaccines?|jabs?|wait|waiting|traffic|heat|bill|bills|price|prices|"
    r"homework|stairs|drive|commute|line|test|exam|paperwork|workout|diet|class|job|shift|weather|"
    r"pollen|cold|hold music|hold)\s+(?:\w+\s+)?"
    r"(?:is|are|was|s)?\s*(?:gonna|going to|will|would|might|about to)\s+(?:\w+\s+)?kill "
    r"(?:me|us|him|her|them|you)\b",
    # A body part that "is killing me" is pain, not a figure of speech.
    r"(?<!knees )(?<!knee )(?<!back )(?<!head )(?<!feet )(?<!foot )(?<!hips )(?<!hip )(?<!neck )(?<!legs )(?<!teeth )(?<!tooth )(?<!stomach )(?<!shoulders )(?<!shoulder )(?<!joints )(?<!ears )(?<!ear )(?<!throat )(?<!wrist )(?<!wrists )(?<!ankles )(?<!ankle )(?<!cramps )(?<!migraines )(?<!allergies )(?<!sinuses )(?<!hands )(?<!arms )(?<!eyes )(?<!gums )(?<!bunions )(?<!hemorrhoids )(?<!sciatica )(?<!arthritis )\b(?:is|are|its|thats|was|were|been) (?:\w+ )?killing me\b",
    r"\bkill(?:s|ed|ing)? it\b|\bto die for\b|\bi (?:could|would) (?:just )?die\b",
    r"\b(?:wallet|bank account|pockets?|budget|paycheck|bank) (?:is |are |keeps )?bleeding\b",
    r"\b(?:dead|dying|died) (?:of|from) (?:laughter|laughing|embarrassment|boredom|shame)\b",
    r"\bim dead\W+(?:lol|lmao|haha)",
    r"\bdead tired\b|\bdrop dead gorgeous\b",
    r"\bstrokes? of (?:\w+ )?(?:luck|genius|fortune|brilliance|inspiration|midnight|the pen|a pen|fate)\b",
    r"\b(?:ride|plans?|it|deal|trip|job|sale|loan|everything) (?:\w+ )?fell (?:through|apart)\b|"
    r"\bfell (?:behind|asleep)\b",
    r"\bknocked out (?:the |our |my |all )?(?:power|electricity|lights|internet|wifi|cable|phones?)\b",
    r"\b(?:plants?|phone|battery|car|laptop|computer|tablet|charger|flowers?|tree)\s+(?:\w+\s+){0,3}?"
    r"(?:is|was|keeps|are) dying\b",
)

NEGATIONS = (
    r"\b(?:no|not|never|without|denies|deny|denied|dont|doesnt|didnt|havent|hasnt|isnt|arent|"
    r"wasnt|werent|nor|zero|free of|negative for|none|neither|any signs? of|rule out)\b",
    r"\bif (?:i|you|he|she|they|we|it) (?:ever |start |starts )?(?:get|gets|got|have|has|had|"
    r"develop\w*|notice\w*|feel|feels|start\w*|experience\w*|see|sees)\b",
    r"\b(?:in case of|watch (?:out )?for|look out for|warning signs|signs of|what if|unless)\b",
    # A condition about someone named ("if my son ever has a seizure") or a hypothetical question
    # right before the word ("can you overdose on vitamin c?").
    r"\bif (?:my|his|her|the|our|your) \w+ (?:ever |starts? |again )?(?:get|gets|got|has|have|had|"
    r"develop\w*|start\w*|experience\w*)\b",
    r"\bever (?:has|gets|starts|develops)\b|"
    r"\b(?:can|could) (?:you|one|someone|somebody|people|a person|i)\s*$|\bis it (?:possible|normal) to\s*$",
)

RESOLVED = (
    r"\b(?:doing|feeling|feel|felt)\s+(?:\w+\s+){0,2}(?:great|fine|good|well|better|normal|ok|okay)\b",
    r"\bback to (?:his|her|my|their|your|our)?\s*(?:normal|usual|old)(?: self)?\b",
    r"\bcleared (?:me|him|her|us|them)\b",
    r"\bfeel (?:totally |completely |perfectly |100 ?% )?(?:normal|fine|great|good)\b",
    r"\b100 ?% better\b",
    r"(?<!over the )(?<!for the )(?<!in the )(?<!during the )(?<!since )\b(?:last|this past) (?:year|month|spring|summer|fall|winter|decade)\b",
    r"\b(?:\d+|a|an|one|two|three|four|five|few|several|many|couple|couple of|a couple of|a few) "
    r"(?:years?|months?|yrs?) ago\b",
    r"\bin a (?:\w+ )?(?:good|better|great|healthy|safe) place\b",
    r"\bback in (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4}|the day|college|high school)\b",
    r"\bin (?:19|20)\d\d\b",
    r"\bsince (?:the|my|his|her) (?:stent|surgery|procedure|bypass|operation|transplant)\b",
    r"\bno longer\b|\bnot (?:having|getting) (?:any|that)\b",
    r"\b(?:history of|hx of)\b|\byears ago\b|\b(?:outgrown|outgrew) (?:it|that|them)\b",
    r"\b(?:im|i am|hes|shes|he is|she is) safe now\b",
    r"\b(?:over it|all better|recovered|healed)\b",
    r"\b(?:behind (?:me|us|him|her)|in the past|a thing of the past)\b",
)

SETTLED = (
    r"\b(?:stable|fine|okay|ok|safe|better|recovered|discharged) now\b",
    r"\b(?:home|back) from the (?:hospital|er|emergency room|ed)\b",
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
    # A body part "killing him" is pain; a splinter, or a mole that grew or changed, is a skin
    # complaint; a dosing question ("most tylenol i can take", "still have to finish the") is
    # clinical.
    Rule("pain", r"\b(?:knees?|back|head|feet|foot|hips?|neck|legs?|teeth|tooth|stomach|shoulders?|joints?|"
         r"ears?|throat|wrists?|ankles?|hands?|arms?|eyes?)\b(?:\W+\w+){0,3}?\W+killing (?:him|her|them)\b"),
    Rule("skin or swelling", r"\bsplinters?\b|\b(?:mole|lunar|freckle|spot)\b(?:\W+\w+){0,6}?\W+(?:grow\w*|"
         r"grew|gotten bigger|getting bigger|chang\w*|crecid\w*|crecio|cambi\w*|bleed\w*|sangr\w*)\b"),
    Rule("dosing question", r"\b(?:most|max|maximum|how (?:much|many|often))\b(?:\W+\w+){0,3}?\W+(?:can|should|"
         r"do) (?:i|he|she|we) (?:safely )?(?:take|give)\b|\b(?:do|should|does) (?:i|he|she|we) (?:still )?"
         r"(?:have to|need to|keep) (?:finish|taking|take (?:all|the rest))\b|\bdont want to overdo it\b"),
    Rule("fatigue or low mood", r"\b(?:feel\w*|been|im|so) (?:\w+ ){0,2}?(?:blah|exhausted|fatigued|run down|"
         r"drained|wiped out|low energy|no energy)\b|\b(?:been|feeling) (?:\w+ ){0,2}?tired\b(?! of)"),
    Rule("palpitations", r"\bheart\w*\b{gap}(?:flutter\w*|racing|pounding|skipp\w*|irregular)\b|"
         r"\bpalpitat\w*"),
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
        r"stomach (?:bug|ache|issues|problems)|wrecking my stomach|upset stomach|heartburn\w*|reflux)\b",
    ),
    Rule(
        "skin or swelling",
        r"\b(?:rash\w*|hives|itch\w*|swell\w*|swollen|lump|bruis\w*|bleed\w*|blood in|pink eye|"
        r"goopy|discharge|drain(?:ing|s)|pus|ooz\w*|puff(?:y|iness|ed up)|edema|fluid retention|"
        r"infected|infection|abscess|burn|burns|cut (?:my|his|her)|bump(?! (?:the|my|it|me|us|up|to|back|him|her|our|that|this|into)\b)|tick bite|bitten|bit me|"
        r"red (?:ring|streaks?|spot|circle|patch|and (?:hot|warm|swollen))|bullseye|bulls eye|redness)\b",
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
    Rule(
        "medication problem",
        r"\b(?:took|taken|gave|given)\b(?:\W+\w+){0,4}?\W+(?:twice|double|two times|extra|again by "
        r"(?:accident|mistake)|by (?:accident|mistake))\b|\b(?:missed|skipped|forgot) (?:a |my |his |her |"
        r"\d+ |two |a few )?(?:\w+ )?(?:doses?|pills?|shots?|insulin|injections?|meds|medications?|"
        r"blood thinners?|inhalers?|birth control|antibiotics?)\b|\bforgot to take\b",
    ),
    Rule("infection test", r"\btested positive|\bpositive for\b"),
    Rule(
        "function lost",
        r"\b(?:can barely|could barely|can hardly|hurts to|painful to) (?:even )?(?:swallow|walk|stand|move|bend|"
        r"breathe|get (?:in|out of|up|off)|sit|lift|turn|raise|put weight|bear weight|open (?:my|his|her) "
        r"(?:mouth|eye)|keep (?:food|anything|water) down|eat|sleep|see|hear|talk)\b|\b(?:cant|can not|cannot|"
        r"hard to) (?:even )?(?:swallow|bend (?:over|down|my|his|her)|put weight|bear weight|keep (?:food|anything|"
        r"water) down)\b",
    ),
    Rule(
        "back or joint",
        r"\b(?:threw|throw|thrown|put|pulled|tweaked) (?:out )?(?:my|his|her) (?:back|neck|shoulder|hip|knee)"
        r"(?: out)?\b|\b(?:back|neck) (?:went out|gave out|is out)\b",
    ),
    Rule(
        "skin change",
        r"\b(?:moles?|spots?|freckles?|lesions?|growths?|birthmarks?)\b(?:\W+\w+){0,8}?\W+(?:gotten|getting|got|"
        r"turned|turning|grown|growing|changed|changing|bigger|darker|raised)\b",
    ),
    Rule(
        "vital signs",
        r"\b(?:blood pressure|sugar|glucose|a1c|oxygen|o2|pulse|heart rate)\b(?:\W+\w+){0,3}?\W+\d{2,3}\b",
    ),
    Rule("vital signs", r"\b(?:high|low) (?:blood pressure|sugar|oxygen|heart rate)\b"),
    Rule(
        "vital signs",
        r"\b(?:blood pressure|sugars?|glucose|numbers|readings?)\b(?:\W+\w+){0,3}?\W+(?:running|been "
        r"running|running in|too) (?:high|low|in the)\b",
    ),
    Rule(
        "illness",
        r"\b(?:sick(?! of)|unwell|not feeling well|under the weather|injur\w*|sprain\w*|"
        r"broke (?:my|his|her)|fell|pneumonia|admitted|hospitali[sz]ed|flu like|covid symptoms|"
        r"earache|ear infection|(?:gained|up|put on) \d+ (?:lbs?|pounds)(?: (?:in|this|since))?)\b",
    ),
)

CLINICAL_QUESTIONS = (
    # A missed or late dose ("forgot my pill this morning, take it now or skip?").
    r"\b(?:forgot|missed|skipped|didnt take|did not take|forgot to take)\b(?:\W+\w+){0,4}?\W+(?:pills?|meds?|"
    r"medications?|medicines?|doses?|shots?|insulin|tablets?)\b.{0,80}\b(?:take it|skip|double|wait|now or)\b",
    # Fasting before a test: what may pass the lips.
    r"\b(?:can|could|may) (?:i|he|she|we) (?:have|eat|drink|take|chew)\b.{0,60}\bbefore (?:my|the|his|her|our)? ?"
    r"(?:fasting|blood ?work|blood (?:test|draw)|labs?|lab work|colonoscopy|procedure|surgery|ultrasound)\b",
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
    r"\bshould (?:i|he|she|we|they) (?:get|be|have) (?:\w+ ){0,3}?(?:checked|tested|screened|seen|"
    r"evaluated|looked at)\b",
    r"\b(?:if|whether) (?:i|he|she|we) (?:should|needs? to|need to) (?:bring|come|go|take|keep|stop|be seen)\b",
    r"\bask (?:the )?doctor (?:if|about|whether)\b",
    r"\b(?:do|does|will|would) (?:i|he|she|we|they|my \w+) (?:still )?need (?:antibiotics?|stitches|"
    r"a (?:tetanus|shot|steroid|x ?ray)|an? (?:antibiotic|x ?ray|appointment|visit|er visit)|to (?:see|be "
    r"seen|come in|go in|worry))\b",
    r"\b(?:adjust|lower|raise|increase|decrease|reduce|bump up|up|change)\s+(?:the |my |his |her )?"
    r"(?:dose|dosage)\b|\badjust (?:it|that|my medications?)\b",
    r"\b(?:when|how long|how soon|what time) (?:should|can|do|must) (?:i|he|she|we) (?:\w+ ){0,4}"
    r"(?:take|eat|stop|start|give|restart)\b",
    r"\bis it worth (?:getting|doing|trying|having) (?:an? |the )?(?:x ?rays?|mri|ct|scan|ultrasound|"
    r"test\w*|blood ?work|labs?|pt|physical therapy|imaging)\b|\bshould (?:i|he|she|we) (?:just )?"
    r"(?:try|ice|rest|wait it out|hold off)\b",
    r"\bquestions? (?:about|on|regarding) (?:my|his|her|the) (?:new )?(?:medications?|medicine|dose|"
    r"dosage|treatment|pills?|side effects?)\b",
    # Dosing after a missed or doubled dose.
    r"\b(?:do|should|can|would) (?:i|he|she|we) (?:just )?(?:double up|double (?:the|my|his|her|it|up)|"
    r"take (?:the|my|his|her) (?:normal|usual|regular|next) dose|take (?:two|2|an extra|extra|both))\b",
    r"\b(?:something|anything) to (?:worry|be worried|be concerned) about\b|\bshould (?:i|we) be "
    r"(?:worried|concerned)\b|\b(?:is|was) (?:that|this|it) (?:concerning|worrying|worrisome)\b",
    r"\bis (?:that|this|it) something (?:the )?(?:dr|doctor|doc|provider|nurse|clinic) can (?:help|treat|look)",
    r"\bcan (?:he|she|they|my (?:dad|mom|father|mother|husband|wife|son|daughter|kid|child|baby|grandma|"
    r"grandpa)) (?:still |safely )?(?:take|have|use|drink)\b(?! (?:me|us|him|her|them|over|off|care|the "
    r"call|a message|my place|my spot|my appointment|the appointment))",
)

OPT_OUT = (
    r"\b(?:stop|quit|cease|please stop|discontinue|end|cancel)\s+(?:\w+\s+){0,2}?(?:texting|texts?|messaging|"
    r"messages|sending|contacting|txting|msging|reminders?|spamming|sms)\b",
    r"\b(?:dont|do not|never)\s+(?:text|message|msg|txt|contact|sms)\s+(?:me|us|this number)\s*"
    r"(?:anymore|any more|again|ever)\b",
    r"\b(?:dont|do not)\s+send\s+(?:me\s+)?(?:any more|anymore|more|these|those|your)?\s*"
    r"(?:texts?|messages|reminders|sms)\b",
    r"\bno more (?:texts?|text messages|messages|reminders|sms|txts)\b",
    r"\b(?:take|remove|delete|drop|unsubscribe|erase)\s+(?:me|my (?:phone )?number|this number|"
    r"my name|us|my info)\s+(?:off|from)\b(?! (?:my|the|his|her|our|their) (?:file|chart|"
    r"records?|account|profile|portal|emergency contacts?)\b)",
    r"\btake me off\b|\bremove (?:me|my number)\b",
    # "wrong number, please remove this number"; not a number swapped on a record.
    r"\bremove (?:this|that) (?:phone )?number\b(?! (?:from|on|in) (?:my|the|his|her|our) "
    r"(?:file|chart|records?|account|profile|portal))(?!.{0,60}\b(?:new|instead|replace|update)\w*\b)",
    # "stop with the automated texts", "enough with the reminders".
    r"\b(?:stop|enough|done) with (?:the |these |those |your |all (?:the |these |those )?)?(?:\w+ )?"
    r"(?:texts?|text messages|messages|reminders|sms)\b",
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
    # "FFS STOP. how many times": the keyword as a sentence of its own.
    r"(?:^|[.!?]\s*)(?:(?:ffs|omg|ugh|seriously|just|please|so|again|ok|okay|i said|for the last time|"
    r"for real|wtf)\W+){0,2}stop(?:\W+(?:now|please|already|it|again|texting|messaging))?\s*(?:[.!]+|$)",
    r"\bno (?:more )?texts?,? (?:please|thanks|thank you)\b",
    # Plain-language revocations in other shapes.
    r"\b(?:please |pls )?(?:dont|do not) (?:text|message|msg|txt|sms|contact) (?:me|us|this number|"
    r"this phone)\b(?=\s*(?:[.!,;]|$|please|thanks|thank you|ever|anymore|any more|again)\b|\s*[.!,;]|\s*$)",
    r"\b(?:dont|do not|no longer) (?:want|need|wish)(?: to (?:get|receive))? (?:these|the|your|any|any more|"
    r"anymore|more)? ?(?:texts?|text messages|messages|reminders|sms|notifications)\b",
    r"\b(?:dont|do not|no longer) (?:want|wish|need) to be (?:texted|messaged|contacted)\b",
    r"\b(?:take|remove|delete|drop|erase)\s+(?:him|her|them|this (?:phone )?number|his number|her number|"
    r"\w+s (?:number|name|info))\s+(?:off|from)\b(?! (?:my|the|his|her|our|their) (?:file|chart|"
    r"records?|account|profile|portal|emergency contacts?)\b)",
    r"\b(?:do not|dont) (?:text|contact) list\b|\bwant out of (?:these|the|your) (?:texts|messages|list)\b",
    # The patient died: texts to their number stop.
    r"\b(?:passed away|died|deceased|is gone|has passed)\b.{0,80}\b(?:texts?|messages|reminders|"
    r"(?:your|the|this) list|contacting)\b",
)

OPT_IN = (
    r"\b(?:want|need|like) (?:the |my |your )?(?:\w+ )?(?:texts?|reminders|messages) (?:again|back)\b",
    r"\b(?:turn|switch|put)\s+(?:\w+\s+){0,4}(?:back on|on again)\b",
    r"\b(?:start|resume|restart)\s+(?:sending|texting)\s+(?:me\s+)?(?:\w+\s+)?(?:again|back)?",
    r"\bopt (?:me )?(?:back )?in\b|\bresubscribe\b|\bsubscribe me\b|\bre-subscribe\b",
    r"\b(?:want|like|love) to (?:get|receive) (?:\w+ ){0,3}(?:texts?|reminders|messages) again\b",
    r"\b(?:texts?|reminders|messages) (?:back on|again please)\b",
    r"\b(?:stop|stopped) by (?:accident|mistake)\b|\bhow (?:do|can) i (?:get|start getting|receive) (?:the |my "
    r"|your )?(?:text )?(?:texts?|reminders|messages) (?:again|back)\b",
    r"\b(?:start|resume|restart|turn on|reactivate)\s+(?:the\s+|my\s+|your\s+)?(?:text\s+)?(?:texts?|messages|"
    r"reminders|notifications|alerts)\s+(?:again|back(?: up)?)\b",
    r"\b(?:sign|signing) (?:me|us|him|her) (?:back )?up (?:for|to) (?:\w+ ){0,2}?(?:texts?|text messages|"
    r"reminders|messages|sms|alerts|notifications)\b|\b(?:add|enroll|put) (?:me|us) (?:back )?(?:in|on|to|"
    r"into) (?:the |your )?(?:text|sms|reminder)",
    # Giving permission back: "changed my mind, you can text me the reminders again".
    r"\b(?:you can|you may|go ahead and|ok to|okay to|its ok to|its okay to|feel free to|please) "
    r"(?:start |resume )?(?:text|message|send)(?:ing)? (?:me )?(?:\w+ ){0,3}?(?:again|back)\b"
    r"(?<!link again)(?<!form again)(?<!code again)(?<!number again)",
)

_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_APPT = r"(?:appointments?|visits?|physicals?|checkups?|check ups?|sessions?|exams?|consults?|video visits?|well checks?|follow ups?|followups?)"

#: Questions about one's own visit: whether it still stands, when, where.
_OWN = r"(?:my|our|his|her|the|this|tomorrows|todays|mondays|tuesdays|wednesdays|thursdays|fridays)"
APPOINTMENT_STATUS = (
    r"\b(?:is|are) " + _OWN + r" (?:\w+ ){0,3}?" + _APPT + r"(?: \w+){0,4}? still (?:on|happening|going|"
    r"scheduled|booked|confirmed|a go|good)\b",
    r"\b(?:am i|are we|is (?:he|she|my \w+)) still (?:on|booked|scheduled|confirmed|good) for\b|\bstill on for\b",
    # In reply to a reminder the visit is implied: "is it still on tomorrow?", "are we still on?".
    r"\b(?:is (?:it|that|this|everything)|are we) still (?:on|happening|going ahead|a go)\b",
    r"\b(?:what time|when|where|which (?:office|location|clinic|building|site|address)) (?:is|was|s|will) "
    + _OWN + r" (?:\w+ ){0,3}?" + _APPT + r"\b",
    r"\bdo i (?:still )?have an? " + _APPT + r" (?:tomorrow|today|this week|next week|on \w+)\b",
    r"\b(?:which|what) (?:office|location|clinic|building|address) (?:am i|do i go|should i go|is it)\b",
    r"\b" + _APPT + r" (?:tomorrow |today |on \w+ )?(?:still )?(?:on|happening)\?",
    r"\b" + _OWN + r" (?:\w+ ){0,2}?" + _APPT + r"\b[^.!?]{0,40}\bstill (?:on|happening|going|scheduled|"
    r"booked|confirmed|a go|good)\b",
    r"\bwhat time (?:am i|are we|is (?:he|she)|do i need to|should i|do i have to) (?:supposed to |meant to )?"
    r"(?:be there|come|come in|arrive|show up|get there)\b",
    r"\b(?:forgot|forget|dont remember|cant remember|not sure|remind me)\b[^.!?]{0,20}\b(?:what time|when|"
    r"where|which office)\b[^.!?]{0,30}\b" + _APPT + r"\b",
)

INTENTS = (
    IntentRules(
        Intent.COMPLAINT,
        strong=(
            r"\b(?:manager|supervisor|complaint|complain|administrator|practice director|"
            r"someone in charge|person in charge|whoever (?:is )?in charge|who(?:s| is) in charge|"
            r"grievance)\b",
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
            r"\bnever heard of (?:a |an |this |that )?(?!(?:it|that|this|you|your|them)\b)\w+|\b(?:this|it|thats|that) (?:has been|"
            r"is|was) my (?:number|phone|cell) for (?:\d+|many|years|ages|a long)\b|\bupdate your (?:contacts|"
            r"contact list|list)\b",
            r"\bthis (?:isnt|is not) \w+s (?:phone|number)\b",
            # Texts meant for someone else: "Im not her", "somebody typed the number wrong".
            r"\b(?:im|i am) not (?:her|him|them|that person|who you(?:re| are) looking for)\b|\b(?:typed|put|"
            r"entered|gave|wrote) (?:down )?(?:the|my|their|her|his) (?:number|phone|cell) (?:in )?wrong\b|"
            r"\b(?:number|phone) (?:was )?(?:typed|entered|put in) wrong\b",
            r"\b(?:previous|last|old|former) owner\b|\bnever been (?:a patient )?(?:to|at) (?:your|this) "
            r"(?:clinic|office|practice)\b|\bnot (?:a|your) patient\b",
            r"\b(?:not|isnt) \w+s (?:phone|number) anymore\b",
            # A stranger receiving someone else's messages.
            r"\b(?:getting|been getting|keep getting|receiving|received|got)\b(?:\W+\w+){0,6}?\W+(?:texts?|"
            r"messages|calls|voicemails?)\b(?:\W+\w+){0,4}?\W+for (?:a |an )?(?!me\b|my\b|our\b|us\b|"
            r"an? (?:appointments?|while|week|month|day|few|couple|long)\b|the\b|your\b|this\b|that\b|"
            r"\d|days|weeks|months|years|ages|hours)[a-z]+\b",
            r"\bi dont know (?:her|him|them|this person|who (?:that|this) is|anyone (?:named|by that name|"
            r"called))\b",
        ),
    ),
    IntentRules(
        Intent.HELP,
        strong=(
            r"^\W*(?:help|info|information|helpp)\W*$",
            r"\bwho (?:is|s) (?:this|texting)\b|\bwhos (?:this|texting)\b|\bwho are (?:you|u)\b",
            r"^\W*who (?:dis|this|dat|texting|is it)\W*$",
            r"\b(?:is this|is it|are you|r you) (?:a |an )?(?:real|legit\w*|spam|scam|fake|bot|robot|automated)\b|"
            r"\bor (?:spam|a scam|a bot|fake)\b|\bhow did (?:you|yall|you all) get (?:my|this) (?:number|phone|info)\b",
            r"^\W*what is this\W*$|\bwhat(?: is|s| s) this (?:number|about)\b|\bwhy (?:am i|are you) "
            r"(?:getting|texting|sending)\b|\bgot a text from (?:this|your) number\b",
            r"\bis this (?:the )?(?:doctor|clinic|office|dr|practice|hospital|\w+ (?:clinic|office))\b",
            r"\bwhat (?:clinic|office|practice) is this\b",
        ),
    ),
    # Kept apart from the table above so their own words ("why", "who", "number") pre-check them.
    IntentRules(
        Intent.HELP,
        strong=(
            # "why do I keep getting these", "whose number is this", "who keeps texting me".
            r"\bwhy (?:do|am|does|is) (?:i|my phone|this number)(?: \w+){0,2}? (?:getting|get|receiving|"
            r"receive)\b(?! (?:my|the) (?:results?|bill|refill))|\bwhy (?:are|do) (?:you|yall)(?: \w+){0,2}? "
            r"(?:texting|messaging|calling) me\b",
            r"\b(?:see|know|find out|ask) who (?:this|it) is\b|\bwho (?:called|just called|was calling|keeps "
            r"calling) (?:me|this number|my phone)\b|\b(?:missed|got a) call from (?:this|your) number\b",
            r"\b(?:what|whose|whos) number is this\b|\bwho (?:keeps|is|s) (?:texting|messaging) me\b|"
            r"\bwho sent (?:me )?(?:this|these)\b",
            # Russian written in Latin letters ("kto eto?").
            r"^\W*kto (?:eto|vy)\W*$",
        ),
    ),
    IntentRules(
        Intent.LANGUAGE,
        strong=(
            r"\b(?:in|into) (?:spanish|english|vietnamese|chinese|mandarin|cantonese|korean|arabic|"
            r"russian|tagalog|filipino|creole|kreyol|haitian|portuguese)\b(?! (?:speaker|interpreter|translator|speaking))",
            r"\b(?:spanish|english|vietnamese|chinese|korean|arabic|russian|tagalog|creole|"
            r"portuguese) (?:please|only|pls)\b",
            r"\b(?:switch|change|set|put|move|go)\w* (?:me |it |us |my \w+ |this |the texts? |the messages? |"
            r"them )?(?:back )?(?:to|into) (?:english|spanish|vietnamese|chinese|mandarin|cantonese|korean|"
            r"arabic|russian|tagalog|filipino|creole|kreyol|haitian|portuguese)\b",
        ),
    ),
    IntentRules(
        Intent.REFILL,
        strong=(
            r"\bre-?fill\w*\b|\bre-?fil(?:s|ed|ing)?\b|\brefi(?:l|ll)l?\b",
            r"\brenew\w* (?:my |the |his |her )?(?:prescription|medication|script)",
            # "renew my plavix": renewing anything but a document or a plan is a prescription.
            r"\brenew\w* (?:my|his|her|the|our) (?!(?:\w+ )?(?:insurance|license|passport|membership|"
            r"card|id|plan|policy|coverage|referral|authori[sz]ation|lease|registration|subscription|"
            r"fmla|disability|form|forms|paperwork|note|letter|permit)\b)\w+\b",
            r"\bprescriptions?\b",
            r"\bsend (?:my|his|her|the|a|in my) (?:\w+ ){0,3}to (?:the )?(?:new )?(?:cvs|walgreens|"
            r"walmart|rite aid|pharmacy|kroger|costco|heb|target|publix|safeway|mail order|sams)",
            r"\b(?:switch\w*|change\w*|transfer\w*|moved?|update\w*) (?:my |the )?(?:preferred )?pharmac(?:y|ies)\b",
            r"\b(?:ran out|run out|running out|running low|almost out|out) of (?:my )?"
            r"(?:medications?|medicine|pills|inhaler|insulin|\w+ pills)\b",
            r"\bmail order pharmacy\b|\b90 day (?:supply|prescription)\b|\bscript\b",
        ),
        weak=(r"\bph?arm[ae]?c(?:y|ies|ie)\b|\bcvs\b|\bwall?gr[ea]+ns?\b",),
    ),
    IntentRules(
        Intent.TEST_RESULTS,
        strong=(
            r"\bresults?\b",
            # A lab value read out or flagged: "my potassium is 5.3", "abnormal next to my cholesterol".
            r"\b(?:cholesterol|potassium|sodium|a1c|tsh|thyroid|ldl|hdl|triglycerides|creatinine|"
            r"hemoglobin|wbc|white count|platelets|psa|vitamin d|iron|ferritin|egfr|alt|ast|calcium|"
            r"magnesium|glucose)\b(?:\W+\w+){0,3}?\W+(?:is|was|came back|at|of)\s+\d|\b(?:abnormal|flagged|"
            r"out of range)\b(?:\W+\w+){0,4}?\W+(?:cholesterol|potassium|sodium|a1c|tsh|thyroid|ldl|hdl|"
            r"triglycerides|creatinine|hemoglobin|labs?|levels?|blood ?work)\b",
            r"\b(?:labs?|lab work|bloodwork|blood work|tests?|biopsy|scans?|x ?rays?|mri|ct|"
            r"ultrasound|mammogram|pap|culture|a1c|ekg|swab|bloods)\b(?:\W+\w+){0,6}?\W+"
            r"(?:back|in yet|ready|come in)\b",
            r"\bany (?:word|news|update) (?:on|about) (?:my|the|his|her)\b(?!\s+(?:\w+\s+)?(?:referrals?|"
            r"refills?|prescriptions?|appointments?|records?|forms?|bills?|claims?|insurance|"
            r"prior auth\w*|paperwork|fmla|disability))",
            r"\bwhat did (?:my|the|his|her) (?:\w+ )?(?:tests?|labs?|x ?rays?|xrays?|scans?|mri|ct|"
            r"ultrasound|biopsy|bloodwork|mammogram) (?:show|say|find)\b",
            r"\bwhat (?:does|do) .{0,30}\bmean\b",
            # Waiting on a test already done ("3 weeks since my biopsy", "waiting on my blood test").
            r"\b(?:since|waiting (?:on|for)|heard (?:back )?(?:on|about)|update on|news on) (?:my|the|his|her|our) "
            r"(?:\w+ ){0,2}?(?:labs?|lab work|blood ?work|blood tests?|tests?|biopsy|scans?|x ?rays?|xrays?|mri|ct|"
            r"ultrasound|mammogram|pap|culture|swab|ekg|colonoscopy|endoscopy)\b",
            r"\b(?:labs?|lab work|bloodwork|blood work|tests?|biopsy|scans?|x ?rays?|mri|ct|ultrasound|"
            r"mammogram|pap|culture|a1c|ekg|swab|urine|urinalysis|cbc|panel)\b(?:\W+\w+){0,4}?\W+"
            r"(?:says|shows|showed|came back|reads)\b",
        ),
    ),
    IntentRules(
        Intent.INSURANCE,
        strong=(
            r"(?<!bring )(?<!bring my )(?<!bring the )(?<!bring the new )(?<!bring my new )(?<!bring our )"
            r"(?<!bringing )(?<!bringing my )(?<!bringing the )(?<!bringing the new )(?<!bringing my new )"
            r"(?<!bring in my )(?<!bring in the )(?<!bring in my new )(?<!have my new )(?<!have my )\binsurances?\b",
            r"\bcobra\b|\b(?:same|new|different) (?:insurance )?plan\b",
            # A doctor's name is no insurer: "paciente de la doctora Molina".
            r"(?<!doctor )(?<!doctora )(?<!dr )(?<!dra )\b(?:medicaid|medicare|medi cal|tricare|molina|cigna|aetna|humana|ambetter|marketplace|"
            r"unitedhealthcare|united healthcare|united health|blue cross|bcbs|blue shield|kaiser|"
            r"anthem|caresource|wellcare|oscar|chip)\b",
            r"\b(?:covered(?! (?:in|with|up|head|from))|coverage|covers|in network|in-network|out of network|prior auth\w*|"
            r"pre-?auth\w*|preauthoriz\w*)\b",
            r"\b(?:do|does|if) (?:you|yall|you all|you guys|the clinic|your office) (?:take|accept)\b"
            r"(?! (?:new|walk))",
        ),
    ),
    IntentRules(
        Intent.BILLING,
        strong=(
            r"\bbill(?:s|ed|ing)?\b",
            r"\bstatements?\b|\bbalance\b|\bowe\b|\bcopays?\b|\bco-pays?\b|\binvoice\b",
            r"(?<!\bin )\bcharge[ds]?\b|\bfees?\b|\bitemized\b|\bcollections?\b|\brefund\w*\b",
            r"\b(?:pay|paid|paying|payment|payments)\b",
            r"\bhsa\b|\bfsa\b|\bdeductible\b|\bpayment plan\b",
        ),
    ),
    IntentRules(
        Intent.RECORDS,
        strong=(
            r"\b(?:medical |immunization |vaccine |vaccination |shot )?records?\b",
            r"\bcop(?:y|ies) of (?:my|his|her|their|the)\b",
            r"\b(?:vaccine|vaccination|immunization|shot) (?:dates|history|proof|card)\b|\bproof of (?:my |his |"
            r"her )?(?:vaccin\w*|immuniz\w*|shots)\b",
            r"\bsend (?:my|his|her) (?:chart|file|notes)\b|\bmy chart to\b",
            r"\bfax\w* (?:my|his|her|the|over|a copy|them|it|copies|those|these|that)\b",
            # Another provider asking for what the clinic holds ("my surgeon's office needs my labs").
            r"\b(?:office|doctor|surgeon|specialist|hospital|ortho\w*|\w+ologist|\w+ist|dentist|school|"
            r"daycare|employer|lawyer|attorney|clinic)s?\b(?:\W+\w+){0,4}?\W+(?:needs|wants|requested|is asking for|"
            r"asked for|is requesting|requires)\b(?:\W+\w+){0,3}?\W+(?:labs?|blood ?work|ekg|imaging|images|x ?rays?|"
            r"scans?|mri|ct|notes|chart|pictures|films|reports?|results|history|shot records?)\b",
            r"\b(?:images?|imaging|scans?|x ?rays?|xrays?|mri|ct|films|pictures)\b(?:\W+\w+){0,2}?\W+on (?:a )?"
            r"(?:cd|disc|disk|dvd|usb|flash drive)\b|\b(?:cd|disc|disk|dvd) (?:of|with) (?:my|his|her|the)\b",
            r"\b(?:visit|office|clinic|progress|consult|doctors|chart|surgery|operative) notes\b",
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
            r"\bcancel\w*\b(?!\s+(?:\w+\s+){0,2}?(?:texts?|text messages|messages|subscription|"
            r"reminders|notifications|alerts))(?! on (?:me|us|him|her|them|my \w+)\b)",
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
            # "I have an appointment Monday ... I need to switch it", "my friday 3pm needs to move".
            r"\b(?:appointment|visit)\b.{0,80}\b(?:need|needs|have|has|want) to (?:switch|change|move) it\b",
            r"\b(?:appointment|visit|\d ?(?:am|pm)|" + _DAYS + r")\b (?:\w+ )?needs? to (?:move|be moved|change|be changed)\b",
            r"\bre-?schedul\w*",
            r"\bre-?book\w*",
            # "cant do monday after all ... anything wed?": the booked day no longer works.
            r"\b(?:cant|can not|cannot|wont be able to|unable to) (?:do|make(?: it)?)(?: on)? (?:"
            + _DAYS
            + r"|tomorrow|today|that day|that time)\b(?=.{0,80}\b(?:anything|any|another|other|instead|"
            r"different|"
            + _DAYS
            + r")\b)",
            r"\bmove (?:my|the|our|her|his|it|that|this|tomorrows?|todays?|" + _DAYS + r"s?)\b"
            r"(?! (?:arm|leg|hand|face|fingers|left|right|side|body))",
            r"\bpush (?:it|my|the|that|this|\w+s)\b|\bpush back\b",
            r"\b(?:different|another|other|new|later) (?:day|time|date|slot)\b",
            r"\b(?:next week|tomorrow|today|now|later|" + _DAYS + r"|morning|afternoon|another day)"
            r" instead\b|\binstead of \d|\b\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s+instead\b",
            r"\bchange (?:my|the|her|his|our)? ?(?:\w+ )?(?:appointment|time|visit|date|day)\b",
            r"\bmissed (?:my|the|our|her|his)\b(?! (?:\w+ )?(?:doses?|pills?|shots?|insulin|injections?|meds|"
            r"medications?|medicines?|blood thinners?|inhalers?|patch|birth control|antibiotics?|tablets?)\b)",
            r"\bcan we do (?:next|another|a different|later|tomorrow|today|the same time|same time|"
            r"earlier|" + _DAYS + r")\b",
            # Cannot come, and asks for another time in the same breath.
            r"\b(?:cant|wont be able to|not able to|unable to|wont) (?:make it|come|come in|be there)\b"
            r".{0,80}\b(?:do you have|do you all have|is there|are there|any (?:other|openings?|"
            r"availability)|how about|what about|can (?:we|i) (?:do|come|get)|could (?:we|i) (?:do|come))\b",
            r"\bswitch (?:my|the) (?:appointment|time|day)\b",
            # Moving a booked visit of any kind to another day ("switch my mammogram to a saturday").
            r"\b(?:switch|move|change|bump|shift)\w* (?:my|the|her|his|our) (?:\w+ )?\w+ (?:to|for) "
            r"(?:a |an |the |next )?(?:" + _DAYS + r"|another day|later|earlier|next week|"
            r"tomorrow|the morning|the afternoon|\d{1,2}(?::\d\d)?\s*(?:am|pm)?)s?\b",
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
            r"\b(?:set up|setup)\s+(?:an?\s+|my\s+|his\s+|her\s+)?(?:\w+\s+){0,2}(?:appointment|visit|"
            r"physical|checkup|exam|time to come in)\b",
            r"\bneed (?:a|an) (?:covid |strep |flu |pregnancy |std |drug |tb |physical )?test\b",
            r"\b(?:make|get|need|want|request|like|requesting)\s+(?:an?\s+|another\s+)?"
            r"(?:(?!to\b|my\b|the\b|his\b|her\b)\w+\s+){0,2}?(?:appointment|appointments)\b",
            r"\bget (?:me|him|her|them|us|my \w+|\w+) in\b|\bget in\b|\bget (?:all )?(?:\w+ )?(?:of us|of them) in\b|\b(?:squeeze|fit) (?:me|him|her|us) in\b",
            r"\b(?:taking|accepting) (?:new )?patients\b|\bneed (?:a|an) new (?:pcp|primary care|doctor|"
            r"family doctor|provider)\b",
            r"\bnew patients?\b(?! (?:paperwork|forms?|packet|intake|questionnaire|portal))|\baccepting patients\b",
            r"\bfind (?:me|him|her|us) (?:something|a (?:spot|slot|time|day|visit)|an? (?:appointment|opening))\b|"
            r"\b(?:nothing|no (?:appointments?|openings?|slots?|spots?)) (?:available|open)\b",
            r"\b(?:any|anything|something|an?) (?:open|opening|openings|availability|available)\b",
            r"\b(?:anything|something|any time|anytime|any openings?) (?:this|next) (?:week|month)\b",
            r"\b(?:have|got) (?:anything|something|any (?:spots?|slots?|time)) (?:\w+ )?(?:today|tomorrow|"
            r"tonight|this (?:morning|afternoon|week)|for (?:me|him|her|my \w+))\b",
            r"\bdo (?:you|yall|you guys) (?:do|offer|have|give) (?:\w+ ){0,2}(?:physicals?|"
            r"appointments?|shots?|vaccines?|exams?)\b",
            r"\bsee (?:someone|somebody|a doctor|the doctor|doctor \w+|a nurse|a provider)\b(?! but)",
            r"\b(?:bring|take) (?:my|him|her|them|us) (?:\w+ ){0,3}?in for\b|\b(?:can|could) (?:i|we) come in "
            r"(?:to|for)\b",
            r"\b(?:can|could|will|would) (?:i|he|she|we|they|you|my \w+|\w+) (?:still )?be seen\b",
            r"\b(?:get|getting) (?:me |him |her |them |us |my \w+ )?seen\b",
            r"\bwhat (?:times?|days?|slots?) (?:do|does|would|will) (?:you|you all|you guys|the doctor) have\b"
            r"|\bwhat (?:times?|days?) (?:are|is) (?:open|available|free)\b",
            r"\b(?:needs?|due for|time for) (?:a |an |his |her |my )?(?:(?!last\b|previous\b|old\b|recent\b)\w+ )?(?:physical|checkup|"
            r"check up|annual|well child|shots|vaccines?|flu shot|pap|mammogram)\b(?! (?:records?|cards?|history|"
            r"forms?|proof|certificates?|letters?))",
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
            r"verification code|proxy|(?:patient|clinic|your|the) app)\b",
        ),
    ),
    IntentRules(
        Intent.FORMS,
        weak=(
            r"\b(?:forms?|paperwork|intake|questionnaire|fill (?:it|this|them|out)|filled|"
            r"upload\w*|signature|consent form|medical certificate|fit to work)\b",
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
    # Thanks typed in Latin letters in other languages ("shukran", "gamsahamnida", "spasibo").
    r"\b(?:shukran|shokran|gamsahamnida|kamsahamnida|gomawo|spasibo|xie ?xie|arigato|merci)\b",
    r"\b(?:was|were|is|are|been) (?:so |very |really |super |incredibly |always )(?:patient|kind|nice|helpful|"
    r"sweet|caring|gentle|professional|thorough|wonderful|amazing|great|good) (?:with|to)\b|\bkudos\b|"
    r"\bshout ?out\b|\bjust wanted to (?:say|let you know|thank)\b",
)

UPSET = (
    # Repeated lateness on the clinic's side ("3 visits in a row the dr was over an hour late").
    r"\b(?:over|more than|almost|nearly)? ?(?:an|one|two|\d+) (?:hours?|hrs?) late\b|\b(?:\d+|two|three|four) "
    r"(?:visits|times|appointments) in a row\b|\bdone wasting\b|\bwasting my (?:time|lunch|day|mornings?)\b",
    r"\b(?:asked|told|said|replied|texted)\b(?:\W+\w+){0,3}?\W+(?:to )?stop\b(?:\W+\w+){0,3}?\W+(?:twice|"
    r"already|times|again|before)\b",
    r"\b(?:double|triple)[ -]?(?:charged|billed)\b|\b(?:done|finished|through) with (?:this|your) "
    r"(?:place|clinic|office|practice)\b",
    r"\bwhy is (?:this|it|everything|that) so (?:hard|difficult|complicated)\b|\bthis is the (?:second|"
    r"third|2nd|3rd|\d+th) (?:mix ?up|mistake|error|time)\b|\bi never (?:made|booked|scheduled|asked for) "
    r"(?:this|that|an?) (?:appointment|visit)\b",
    r"\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|\d+th) (?:time|call|text|request|attempt|"
    r"message|email|voicemail|reminder)\b",
    r"\b(?:that|this|it) (?:cant|can not|cannot|couldnt) (?:possibly )?be (?:right|correct|true|real)\b",
    r"\b(?:canceled|cancelled|cancel) on (?:me|us|him|her|my \w+)\b|\b(?:canceled|cancelled|changed|moved|"
    r"rescheduled|bumped)\b(?:\W+\w+){0,4}?\W+(?:at the )?last minute\b",
    r"\b(?:replied|said|texted|sent|typed|wrote)\W+stop\b(?:\W+\w+){0,2}?\W+(?:twice|already|times|again)\b|"
    r"\b(?:still|keep|keeps) (?:texting|messaging|sending|calling|spamming)\b(?!\s+me\s+(?:to|back)\b)",
    r"\b(?:fcc|ftc|attorney general|better business bureau|bbb|sue (?:you|yall|the clinic)|"
    r"report (?:you|yall|the clinic)(?! (?:to|for) (?:my|the) (?:insurance|school|work))|filing a complaint)\b",
    r"(?<!is this )(?<!is this a )(?<!or )(?<!or a )(?<!not )(?<!not a )\b(?:scam|ripoff|rip off|ripped off|"
    r"highway robbery|price gouging|gouging)\b",
    # Asking again and again; "tried five times" with a code is a technical problem, not tone.
    r"\b(?:called|asked|texted|tried (?:calling|to call|to reach|reaching|texting)|messaged|emailed|"
    r"left (?:a )?(?:messages?|voicemails?))\s+(?:\w+\s+){0,3}(?:\d+|two|three|four|five|six|"
    r"several|multiple|many|so many) times\b",
    r"\b(?:\d+|two|three|four|five|six|several|multiple) (?:calls|messages|voicemails|texts)\b",
    r"\b(?:every time i call|keep (?:calling|asking|sending)(?! me (?:to|back|a (?:blank|white)))|why do you keep|"
    r"still nothing|still havent heard|still no \w+)\b",
    r"\b(?:nobody|no one|noone|nobody ever|no one ever)\s+(?:\w+\s+)?(?:calls?|called|answers|"
    r"answered|answer|got|gets|responds|responded|calls me|has called|returns|returned|picks? up|"
    r"picked up|gets back|got back|replies|replied|will help|helps)\b",
    r"\bhow many times (?:do|have|must|should|will|did) (?:i|we)\b",
    r"\b(?:said|promised|told me) (?:she|he|they|someone|somebody|you|the \w+)\s*(?:d|would|will|"
    r"was going to|were going to)? (?:call|get back|text|reach out)\b.{0,60}\b(?:nothing|still|never|"
    r"no call|no one|nobody|havent heard|not a word)\b",
    r"\b(?:charged|billed)\b.{0,40}\b(?:twice|two times|double|three times)\b",
    # Polite dissatisfaction is still a complaint ("a little disappointed nobody called back",
    # "not very pleased with how I was spoken to", "hope you can do better").
    r"\bnot (?:very |too |at all |really |entirely )?(?:pleased|satisfied|impressed)\b|\bunprofessional\b|"
    r"\bfelt (?:ignored|dismissed|brushed off|disrespected|unheard)\b|\bshort with me\b|"
    r"\b(?:hope|hoping) (?:you|yall|the clinic|your office|the office|your staff) (?:can|will|could) "
    r"(?:do better|improve)\b|\bnot (?:the|a) (?:great|good|best) experience\b",
    r"\bdismissive\b|\bmade me feel (?:stupid|dumb|like an idiot|ignored|rushed|like a burden)\b",
    r"\bnever (?:called|got|get|hear|heard)\s+(?:me\s+)?back\b",
    r"\b(?:unacceptable|ridiculous|frustrat\w*|annoyed|angry|furious|upset with|not happy|"
    r"unhappy|disappointed|(?<!feel )(?<!feeling )(?<!feels )(?<!felt )(?<!im )(?<!dolor )(?<!dolores )(?:terrible|horrible|awful)(?! (?:pain|headaches?|migraines?|cramp\w*|cough\w*|rash|nausea|heartburn|toothache|sore|back|stomach|belly|chest|itch\w*|dolor|sharp|burning|stabbing|ache\w*|diarrh\w*|side effects?))|worst (?:service|clinic|office)|rude|"
    r"disrespectful|harass\w*|fed up|sick of|tired of(?! (?:it all|all of it|everything|life|living|being|feeling))|absurd|outrageous|wtf|unbelievable|disgrace\w*|shameful|appall\w*|humiliat\w*|"
    r"stressing me out|find another (?:doctor|clinic|provider)|fix your|hung up on me|"
    r"waste of (?:my )?time|this is crazy|so done with(?! (?:everything|life|living|it all|this world|myself))|never even got seen|rushed me)\b",
    r"\bwaited (?:for )?(?:an hour|over an hour|\d+ (?:min|minutes|mins|hours?))\b",
    r"\b(?:already )?(?:paid|filled|sent|called|asked|submitted|done)\b.{0,30}\b(?:twice|two times)\b",
    r"\b\d+ (?:min|minute|mins|minutes|hour|hours) (?:hold|on hold)\b|\bon hold for\b",
    r"\b(?:this is|thats|its|that is|absolutely|just|so|completely|totally) insane\b",
    # Waiting on the phone, or for days, for the clinic.
    r"\b(?:sat|been|was|stuck|waited|waiting|left me|put me) on hold\b|\bon hold (?:\w+ )?(?:\d+|an? hour|"
    r"forever|ages)\b|\b(?:got|get|keep getting) (?:disconnected|hung up on)\b",
    r"\b(?:\d+|two|three|four|five|six|seven|ten|several|many) (?:days?|weeks?|months?) (?:of )?(?:waiting|"
    r"and still (?:no|nothing|waiting|havent|not))\b|\bwaiting (?:for |on )?(?:\d+|two|three|four|"
    r"five|several|many) (?:days|weeks|months)\b",
    # The clinic did not do its part.
    r"\b(?:you|yall|you all|your office|the office|your staff|they|nobody|no one)\s+(?:\w+\s+)?never "
    r"(?:answered|responded|replied|sent|returned|called|got back|faxed|followed up|showed)\b",
    r"\bwho (?:runs|is running) this (?:place|office|clinic|show)\b|\bwhat (?:is|s) going on (?:over "
    r"there|with (?:you|your office|this office|this clinic|yall))\b|\bget (?:it|your act) together\b|"
    r"\bwhat kind of (?:place|office|clinic|practice)\b",
    # A long-standing patient appealing to their years with the clinic.
    r"\b(?:been|im|i am|ive been) (?:a (?:loyal )?patient|coming|going) (?:here |there |to you |with you )?"
    r"(?:for )?(?:\d+|ten|twenty|fifteen|many|so many|several) (?:years|yrs)\b",
    r"\byou already have (?:all )?(?:this|that|it|my|these|those)\b|\bwhy do (?:i|we) (?:need|have) to\b"
    r".{0,40}\b(?:another|again)\b",
    r"\btook (?:time )?off (?:from )?work for (?:this|that|it|nothing)\b|\bnever apologi\w*\b",
    r"\b(?:can|could|will) (?:a|an|some) (?:human|real person|actual person|live person)\b",
    r"\bloud enough for\b|\b(?:privacy|hipaa) (?:violation|breach)\b",
    # Ultimatums and threats to report the clinic.
    r"\b(?:or|otherwise|else) (?:im|i am|ill|i will|i(?:m)? going to|im gonna) (?:be )?(?:report\w*|sue|suing|"
    r"call\w* (?:a|my) (?:lawyer|attorney)|contact\w* (?:a|my) (?:lawyer|attorney)|file a complaint)\b|"
    r"\breport\w* (?:this|your) (?:number|clinic|office|practice)\b",
    r"\b(?:annoying|irritating|infuriating|maddening|aggravating)\b|(?<!dont )(?<!not )(?<!never )\b(?:so |then |just )?"
    r"forget it\b",
    # The clinic itself moved or changed things again.
    r"\b(?:you|youve|yall|you guys|they|theyve|your office|the office)\s+(?:\w+\s+){0,2}(?:moved|changed|"
    r"canceled|cancelled|rescheduled|bumped|switched)\b(?:\W+\w+){0,4}?\W+(?:twice|again|(?:two|three|four|\d) "
    r"times)\b",
)

NEEDS_PERSON = (
    # A status that never moves, paperwork left for the doctor, a device message the patient
    # cannot act on.
    r"\b(?:pending|not (?:going|getting) (?:through|thru)|never went (?:through|thru)|being used by|"
    r"in use by|(?:has|did) (?:she|he|the doctor|dr \w+|the provider) (?:\w+ )?(?:done|signed|filled|completed)|"
    r"(?:faxed|dropped off|left|brought)\b(?:\W+\w+){0,4}?\W+(?:for (?:the |my )?(?:doctor|dr|provider)|"
    r"at (?:the )?(?:front desk|reception))|tried everything)\b",
    r"\b(?:error|errors|fail\w*|doesnt work|dont work|not working|isnt working|wont (?:let|load|"
    r"work|open|accept)|locked|lock(?:ed)? out|(?:cant|cannot|unable to) (?:log|sign|get in|see|"
    r"open|upload|join|hear|access|submit|attach|connect)|not (?:loading|letting)|keeps? "
    r"(?:saying|failing|asking|crashing)|still (?:showing|says|shows|incomplete)|incomplete|"
    r"someone else\w*|asking me for (?:a )?code|dont know what to put|hasnt joined|has not joined|"
    r"not joined|(?:no one|nobody) (?:is )?(?:there|here)|call me|doesnt match|dont match|"
    r"still cant|glitch\w*|broken|stuck|frozen|crash\w*|please call|someone call|dont understand|"
    r"can someone help|need help with|(?:can|could) (?:someone|somebody|you|a person) (?:please )?(?:change|"
    r"update|fix|reset|unlock|correct|switch)|no (?:audio|sound)|keeps? (?:logging|kicking|signing|timing) "
    r"(?:me )?out|(?:logs|kicks|signs|logged|kicked) me out|times out|froze|freez\w*|(?<!do i )(?<!should i )(?<!have to )(?<!need to )start(?:ing)? over|lost (?:all )?(?:my )?"
    r"(?:progress|answers|work)|(?:doctor|nurse|provider|someone) to (?:fill(?: out)?|sign|complete)|"
    r"(?:signed|filled out|completed) by (?:the |my )?(?:doctor|nurse|provider)|"
    r"(?:never|didnt|did not|hasnt|has not|not) (?:yet )?(?:join\w*|show\w* up|shown up|logged on|"
    r"come on|connected)|already (?:registered|in use|exists|taken|has an account)|"
    r"(?:says|saying|shows|showing|tells me)\b.{0,30}\b(?:invalid|incorrect|not found|not recognized|"
    r"doesnt exist|expired|wrong))\b",
    r"\b(?:says|saying|shows|showing|tells me|getting)\b.{0,30}\b(?:ended|has ended|is over|expired|not valid|"
    r"no longer valid|closed|unavailable|not available|not found|404|denied)\b",
    r"\bblank (?:\w+ )?(?:page|screen)\b|\bwhite screen\b|\bspinning\b|\bkeeps? (?:sending|taking|"
    r"redirecting|bringing) me (?:to|back)\b",
    r"\b(?:dont|doesnt|do not|does not|dont|wont|none of (?:\w+ ){1,3}?\w+) (?:even )?show(?:s|ing)? (?:up|on)\b|"
    r"\b(?:missing|not there|not showing|disappeared|gone) (?:from|under|in) (?:my|the)\b",
    # A letter or note someone at the clinic must write.
    r"\b(?:note|letter|excuse)\b(?:\W+\w+){0,2}?\W+(?:for|to) (?:my |the |his |her )?(?:work|job|"
    r"school|employer|boss|hr)\b|\b(?:work|school|doctors) (?:note|excuse)\b",
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
        # short request words and addresses ("refill on lisinopril, cvs on 5th ave")
        "on", "in", "out", "up", "refill", "refills", "ave", "st", "street", "blvd", "rd",
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

# ---------------------------------------------------------------------------------------------
# Safety net (see `flows.triage.safety_net`): classes of risk words joined with cues, so that a
# phrasing no rule above lists is still caught. Review each class as "term near cue".
# ---------------------------------------------------------------------------------------------

MENTIONS = (
    # Clinics, programs and drug classes named after an emergency, not an event.
    r"\b(?:stroke|heart failure|seizure|epilepsy|cardiac|chest pain|overdose|suicide|crisis|"
    r"poison)\s+(?:clinic|center|centre|unit|program|programme|team|rehab|specialist|nurse|"
    r"doctor|support group|group|prevention|awareness|walk|hotline|survivors?|class|training|"
    r"medications?|meds|pills|risk|screening|questionnaire|form|pamphlet)\b",
    r"\b(?:suicide|self harm|overdose) (?:prevention|awareness)\b",
    # A prescription or kit is not an event: "send a new epipen prescription", "narcan kit".
    r"\b(?:epi ?pens?|narcan|naloxone|glucagon)\s+(?:prescriptions?|refills?|scripts?|rx|orders?|"
    r"renewals?|kits?|expired|expires|coupon|for (?:school|camp|daycare))\b",
    r"\b(?:new|refill|renew|prescription for|script for|order|send) (?:an? |his |her |my |the )?"
    r"(?:new )?(?:epi ?pens?|narcan|naloxone|glucagon)\b",
    # Family history: "my uncle died of a heart attack", "runs in the family".
    r"\b(?:died|passed away|passed|dead) (?:\w+ )?(?:of|from) (?:a |an )?(?:massive )?(?:heart attack|"
    r"stroke|aneurysm|overdose|cardiac arrest)\b",
    r"\bfamily history of (?:\w+ )?(?:heart attacks?|strokes?|heart disease|aneurysms?)\b",
    # A colour that names a thing, not a skin colour: "my blue inhaler", "the purple pill",
    # "Blue Cross", "the gray building".
    r"\b(?:blue|bluish|purple|gr[ae]y)\s+(?:and \w+\s+)?(?:inhalers?|puffers?|pumps?|pills?|tablets?|"
    r"capsules?|caps|ones?|bottles?|boxes?|bags?|folders?|forms?|cards?|cars?|pens?|building|door|"
    r"entrance|sign|lot|line|cross|shield|top|lid|label|sticker|paper|envelope|app|button|link)\b",
)

#: Third-person reporting verbs, so "she says she wants to" reads as an intent.
_SAYS = r"(?:says|said|saying|told|tells|texted|posted|wrote|keeps saying|threatened|threatening)"

#: Wanting, planning or being about to: the intent half of a suicide or violence class.
NET_INTENT = (
    r"\b(?:want|wanna|wanted|wants|wanting|wish|wishing|wished|rather|ready|plan|plans|planned|"
    r"planning|decided|deciding|going to|gonna|gon|about to|tempted|urge|urges|thinking|thinkin|"
    r"think about|thought about|thoughts (?:of|about)|keep thinking|cant stop thinking|"
    r"imagin\w*|picturing|fantasi\w*|how easy|so easy|be easier|tonight|tonite|before "
    r"(?:morning|tomorrow)|this weekend|figured out how|research\w* how|looked up how|"
    r"googl\w* how|might as well|(?:should|could|would) just|wonder\w* (?:if|whether|about)|"
    r"look like an accident|not for (?:protection|self defense|hunting|the range|sport|work)|"
    r"not what you think|" + _SAYS + r")\b",
)
#: A wish to be dead, said passively.
NET_WISH = (
    r"\b(?:want|wanna|wanted|wants|wish|wishing|wished|rather|ready|prefer|hope|hoping|pray\w*|"
    r"deserve|tired of|sick of|better off|thinking|think about|thought about|thoughts (?:of|about)|"
    r"keep thinking|cant stop thinking|how easy|be easier|dream\w* (?:of|about)|" + _SAYS + r")\b",
)
#: Hopelessness: "no reason to live", "cant go on", "better off without me".
NET_HOPELESS = (
    r"\bno (?:reason|point|purpose) (?:to|in|for) (?:live|living|go on|going on|keep going|be here|"
    r"being here|try|trying|anything|wake up|waking up)\b",
    r"\bnothing (?:left )?to live for\b|\bno way out\b|\bno future\b|\bnothing left\b",
    r"\b(?:cant|cannot|can not|couldnt) (?:go on|keep going|keep doing this|do this|take (?:it|this)|"
    r"handle (?:it|this|life)|live like this|face (?:tomorrow|another day))\b",
    r"\b(?:tired|sick|exhausted) of (?:living|being alive|life|fighting|everything|it all|trying|"
    r"waking up)\b|\bdone with (?:life|living|everything|it all|this world)\b",
    r"\bbetter off (?:without|if i|dead|gone)\b",
    r"\b(?:im|i am|being|hes|shes|he is|she is|feel like|feels like|felt like|been) (?:just |such |"
    r"nothing but |only )?(?:a |such a )?burden\b|\bburden (?:to|on) (?:everyone|everybody|my family|"
    r"them|you all|my (?:kids|wife|husband|family|parents))\b",
    r"\bhate (?:being alive|my life|living|waking up)\b|\bgive up on (?:life|everything)\b",
    r"\b(?:dont|do not|doesnt) (?:\w+ ){0,2}(?:want|wanna) to (?:be here|be alive|live|exist|wake up)\b",
    r"\b(?:whats|what is) (?:even |really )?the point\b(?! (?:of|in) (?:the|this|that|a|an|your|my|"
    r"coming|going|calling|having|paying|booking|scheduling|making|sending|texting|these|those)\b)",
    r"\bno one (?:would|will) (?:care|notice|miss)\b",
)
#: Saying goodbye or putting affairs in order.
NET_FAREWELL = (
    r"\b(?:goodbye|good bye|this is the end|thanks? (?:you )?for everything|love (?:you|u) all|"
    r"tell (?:my|mom|dad|everyone|them|the kids) (?:\w+ )?(?:i love|im sorry)|sorry for everything|"
    r"last (?:text|message|time)|forgive me|take care of (?:my|the) (?:kids|children|dog|cat|"
    r"mom|babies)(?: for me)?|wont (?:be a burden|have to worry about me)|see you on the other side)\b",
    r"\b(?:wrote|writing|made|finished|signed|updated) (?:\w+ )?(?:will|goodbye|note|notes|letters?)\b",
    r"\b(?:gave|giving|given) (?:away )?(?:away|my (?:dog|cat|stuff|things|guitar|car|kids)|all my)\b",
    r"\b(?:put|putting|got|getting) (?:all )?my (?:affairs|things|papers) in order\b",
    r"\bmade (?:my )?peace\b|\blived (?:long )?enough\b|\bready to (?:go|leave|be with)\b|"
    r"\b(?:thank you|thanks) for trying\b|\bdont (?:call|look for|come looking for) me\b",
    r"\b(?:wont|will not|dont|no longer) need (?:the|my|any|those|these) (?:refills?|medications?|"
    r"meds|appointments?|pills|prescriptions?)(?: (?:anymore|any more|after (?:today|tonight)))?\b",
    r"\bstopped (?:taking )?(?:all )?(?:my |his |her )?(?:\w+ )?(?:pills|meds|medications?|insulin|"
    r"dialysis) on purpose\b",
)
#: Means of suicide and their capability cues.
NET_MEANS = (
    r"\bjump(?:ing|ed)? (?:off|from|in front of)\b(?! (?:the |a |my |our )?(?:diving board|couch|"
    r"bed|trampoline|swings?|dock|boat|stairs?|porch|steps?|playground|slide|monkey bars))",
    r"\b(?:driv\w*|crash\w*|steer\w*|swerv\w*)\b(?:\W+\w+){0,4}?\W+(?:off|into) (?:a|the|that|"
    r"oncoming) (?:bridge|cliff|tree|wall|pole|river|lake|overpass|ravine|traffic|semi|truck)\b",
    r"\b(?:step\w*|walk\w*|lie|lay\w*|lying) (?:out )?(?:in front of|on|onto) (?:a|the) "
    r"(?:train|tracks|bus|truck|traffic|semi|highway)\b",
    r"\bhang(?:ing)? (?:my|him|her|them) ?sel(?:f|ves)\b|\bnoose\b|\brope\b",
    r"\b(?:gun|pistol|barrel) (?:to|in) (?:my|his|her) (?:head|mouth)\b|\bpull the trigger\b",
    r"\bslit\w*\b|\bcarbon monoxide\b|\bcar running in the garage\b",
    r"\b(?:swallow\w*|take|taking|took|down\w*|chug\w*|eat|eating|ate|empty\w*)\b(?:\W+\w+){0,2}?"
    r"\W+(?:everything|all (?:of )?(?:my|the|his|her|them|those|these)|(?:the|my|his|her) (?:whole|"
    r"entire|rest of the)|a (?:whole|full) (?:bottle|box|pack))\b",
    r"\b(?:pills|meds|tablets|oxy\w*) (?:all )?(?:counted|lined up|sorted) out\b|\bcounted out\b",
    r"\b(?:saved|saving|stockpil\w*|hoard\w*|stash\w*) (?:up )?(?:enough|a stash|a pile|a bunch)\b",
    r"\b(?:have|got|has|collected|collecting) (?:up )?(?:enough|a stash|a pile|a bunch)\b(?: of)?(?:\W+\w+)"
    r"{0,2}?\W+(?:pills|meds|tablets|medicine|insulin|oxy\w*|to (?:do it|end it|die|not wake up))\b",
    r"\b(?:bought|buying|buy|got|have|has|loaded|loading|cleaning|holding) (?:a |the |my |his |her "
    r"|him a |me a )?(?:new )?(?:gun|rope|pistol|rifle|shotgun|ammo|bullets|razor blades)\b",
    r"\b(?:bridge|overpass|rooftop|roof of|top floor|train tracks|balcony)\b",
    r"\b(?:oxy\w*|fentanyl|heroin|sleeping pills|tylenol|insulin|pills|meds)\b(?:\W+\w+){0,3}?\W+"
    r"(?:right here|next to me|in my hand|in front of me|on my nightstand|lined up|counted out)\b",
)
#: Nothing matters any more: too common alone, a cue only beside a means ("on the bridge now").
NET_NUMB = (
    r"\b(?:dont|do not) (?:want|wanna) to do anything (?:anymore|any more|ever again)\b|"
    r"\bnothing matters (?:anymore|any more)\b",
)
#: Death and dying, said of oneself or a person the sender speaks for.
NET_DEATH = (
    r"\b(?:to|just|and|simply|would|could|never) (?:not |never )?(?:wake|waking) up\b(?! (?:on time|early|late|at))",
    r"\bsleep (?:forever|for good|and never)\b|\beternal sleep\b|\bpermanent (?:sleep|solution)\b",
    r"\b(?:end|ending|finish|finishing) (?:it|things|everything|it all|my life|his life|her life|"
    r"myself|this|the pain)\b(?! (?:with|between) )",
    r"\b(?:die|be dead|being dead|not be alive|not be here|not exist|not existing|stop existing|"
    r"disappear (?:forever|for good)|be gone|kill (?:my|him|her) ?self|take (?:my|his|her) (?:own )?life)\b",
    r"\b(?:be|stay|still be|being) (?:alive|around|here)\b(?= (?:anymore|any more|much longer|for "
    r"long|tomorrow|by (?:then|morning|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the "
    r"(?:weekend|\d+(?:st|nd|rd|th)?)|next week|the (?:appointment|visit))|next week))",
    r"\b(?:not sure|dont know if|doubt|unsure if|wonder if|dont think|do not think) (?:ill|i will|im going to|he will|she "
    r"will|hell|shell) (?:still )?(?:be|make it)\b",
)

NET_VIOLENCE = (
    r"\bmake (?:him|her|them|(?:that|my|the|his|her|this) (?!insurance|insurer|company|plan|employer|"
    r"job|work|clinic|office|hospital|pharmacy|landlord\b)\w+) pay\b|\bget (?:even|back at|revenge)\b|"
    r"\brevenge\b",
    r"\bteach (?:him|her|them) a lesson\b|\bpay for what (?:he|she|they) did\b",
    r"\b(?:kill|shoot|stab|beat|strangle|choke|run over|hurt|murder|smash)\b(?:\W+\w+){0,1}?\W+"
    r"(?:him|her|them|that \w+|my \w+|the \w+|his \w+|her \w+|everyone|somebody|someone|people)\b",
    r"\bnext time (?:it will|itll|its|it is going to) be (?:my|your|her|his|the kids)\b",
    r"\b(?:threaten\w*|threats?) (?:to )?(?:kill|shoot|hurt|stab)\b",
)
NET_WEAPON = (
    r"\b(?:gun|guns|rifle|pistol|shotgun|ar ?15|glock|knife|machete|bat|ammo|bullets|loaded|"
    r"loading|weapon|know where (?:he|she|they) (?:lives?|works?|parks?|sleeps?)|waiting (?:for|outside)|"
    r"outside (?:his|her|their) (?:house|work|job|school)|tonight|tomorrow|going to|gonna|plan\w*)\b",
    # Stalking: knowing a person's movements, lying in wait.
    r"\bknow (?:his|her|their) (?:schedule|routine|shifts?|address|car|hours)\b",
    r"\b(?:wait|waiting|be waiting|lie in wait|show up|showing up|follow\w*)\b(?:\W+\w+){0,1}?\W+"
    r"(?:for (?:him|her|them)|(?:by|at|near|outside|behind) (?:his|her|their) (?:car|truck|house|home|"
    r"door|work|job|school|office|apartment)|(?:him|her|them) home)\b",
)

#: A double, repeated or whole-week dose.
_EXTRA_DOSES = (
    r"\b(?:took|taken|take|taking|given|gave (?:him|her|them)|swallowed|had|injected|shot)\b"
    r"(?:\W+\w+){0,5}?\W+(?:double|twice|two times|three times|again|extra (?:doses?|pills?|shots?)|"
    r"(?:two|three|four|2|3|4) (?:doses|shots)|(?:both|all) (?:of )?(?:his|her|my|their|the) "
    r"(?:morning|night|evening|daily|weeks?))\b",
    r"\b(?:double|doubled|tripled) (?:up )?(?:on )?(?:his|her|my|their|the)? ?(?:\w+ )?(?:dose|doses|"
    r"pills?|insulin|medications?)\b",
    r"\b(?:whole|entire|full) (?:weeks?|days?|month)s? (?:worth )?of (?:\w+ )?(?:pills|medications?|"
    r"meds|doses|medicine)\b|\b(?:weeks|days) worth of\b",
)

_CHILD_WORDS = (
    r"\b(?:baby|babys|infant|newborn|toddler|son|daughter|kid|child|boy|girl|\d+ ?(?:months?|mos?|weeks?|wks?|days?) old)\b"
)

SAFETY_NET = (
    # A clot in one leg: one calf swollen with redness or warmth, and painful (not chronic, not both).
    NetClass("medical", "leg clot signs", terms=(
        r"\b(?:(?:left|right|one) (?:calf|leg|thigh)|calf|calves)\b(?:\W+\w+){0,5}?\W+(?:swollen|swelling|"
        r"swell\w*|puffy|bigger than)",
        r"\b(?:swollen|swelling|puffy) (?:\w+ )?(?:(?:left|right) (?:calf|leg)|calf)\b",
    ), cues=(r"\b(?:red|redness|reddish|warm|hot|purple|discolou?red)\b",), window=100,
        also=(r"\b(?:hurts?|hurting|pain\w*|tender\w*|sore|ach\w*|cramp\w*|throbb\w*)\b",),
        unless=(r"\bboth (?:legs|calves|ankles|feet)\b|\blymphedema\b|\bfor (?:\w+ ){0,2}(?:months|years)\b|"
                r"\b(?:bug|mosquito|spider|tick) bites?\b|\bsunburn\w*",)),
    # A sudden, severe headache (thunderclap), or one with a neurological sign.
    NetClass("medical", "sudden severe headache", terms=(
        r"\b(?:headache|head (?:hurts|is pounding|pain)|migraine)\b",
    ), cues=(
        r"\b(?:sudden\w*|all of a sudden|out of (?:nowhere|the blue)|came on (?:fast|quick\w*|"
        r"all at once)|hit me like|like a thunderclap)\b",
    ), window=80, also=(
        r"\b(?:worst|severe|really bad|so bad|excruciating|unbearable|cant (?:move|see|talk|feel|lift)|"
        r"weak\w*|numb\w*|vomit\w*|stiff neck|pass(?:ed)? out|confus\w*|droop\w*|slurr\w*)\b",
    )),
    # --- mental health (988) ---
    NetClass("mental_health", "means near intent", terms=NET_MEANS,
             cues=NET_INTENT + NET_HOPELESS + NET_FAREWELL + NET_DEATH + NET_NUMB,
             unless=(r"\b(?:got into|gotten into|by accident|accidental\w*|accidently|by mistake|toddler|baby|infant|"
                     r"[1-9] ?(?:yr|year|month)s? old|[1-9] ?(?:yo|y o))\b",
                     r"\bfeel(?:s|ing)? like (?:im|i am|hes|shes|he is|she is) (?:going to|gonna) die\b")),
    # A whole supply taken in one go: with a death, despair or farewell cue, or asked for as the
    # purpose of a request ("send the pills so I can take them all at once").
    NetClass("mental_health", "whole supply at once", terms=(
        r"\b(?:swallow\w*|take|taking|took|down\w*|chug\w*)\b(?:\W+\w+){0,3}?\W+(?:all )?(?:at once|"
        r"(?:all )?together|in one go|in one sitting)\b",
    ), cues=NET_HOPELESS + NET_FAREWELL + NET_DEATH, window=160),
    NetClass("mental_health", "whole supply at once", terms=(
        r"\bso (?:i|he|she|they) (?:can|could) (?:take|swallow|down) (?:them|it|those|these|the lot)"
        r"(?: all)? (?:at once|(?:all )?together|in one go)\b",
    )),
    NetClass("mental_health", "death wish", terms=NET_DEATH, cues=NET_WISH + NET_HOPELESS,
             unless=(r"\bfeel(?:s|ing)? like (?:im|i am|hes|shes|he is|she is) (?:going to|gonna) die\b",
                     r"\b(?:afraid|scared|worried|terrified) (?:\w+ )?(?:to|that|of|i|he|she) (?:will |might |is going to )?die\b")),
    NetClass("mental_health", "hopeless near means", terms=NET_HOPELESS,
             cues=NET_MEANS + NET_DEATH + NET_FAREWELL),
    NetClass("mental_health", "hopeless", terms=(
        r"\bno (?:reason|point|purpose) (?:to|in|for) (?:live|living|go on|going on|keep going|"
        r"be here|being here|wake up|waking up)\b",
        r"\bnothing (?:left )?to live for\b",
        r"\b(?:tired|sick|exhausted) of (?:living|being alive)\b|\bdone with (?:life|living)\b",
        r"\b(?:dont|do not|doesnt) (?:think )?(?:i |he |she )?(?:\w+ )?(?:want|wanna|wants) to "
        r"(?:be here|be alive|exist|live) (?:anymore|any more|now)\b",
        r"\bwish (?:i|he|she) (?:had|was|were) never (?:been )?born\b",
    )),
    NetClass("mental_health", "farewell", terms=NET_FAREWELL,
             cues=NET_DEATH + NET_MEANS + NET_HOPELESS + NET_FAREWELL + (
                 r"\b(?:not|isnt|wont|stopped|hasnt|cant|didnt|no one can|nobody can) (?:been )?"
                 r"(?:picking up|pick up|answering|answer|respond\w*|reach (?:him|her|them)|reply\w*)\b",
                 r"\bphone (?:is )?(?:off|dead|going (?:straight )?to voicemail)\b|\bdepress\w*\b",
                 r"\b(?:feels like|think|guess) (?:its|it is) time\b|\btonight\b|\bready\b",
             ), window=200),
    NetClass("mental_health", "suicide and self-harm slang", terms=(
        r"\b(?:unaliv\w*|kms|ctb|sewerslide|self ?delet\w*|off (?:my|him|her) ?self|end (?:my|him|"
        r"her) ?self)\b(?<!\d kms)",
        r"\b(?:been |started |keep |keeps |relapsed on |relapse on )?sh(?:ing| ing| again| urges?|"
        r" relapse)\b",
    )),
    NetClass("mental_health", "urges or command voices to harm someone", terms=(
        r"\b(?:voices?|someone in my head|something in my head)\b(?:\W+\w+){0,4}?\W+(?:telling|tell|"
        r"told|tells|want|wants|saying|says) (?:me|him|her) to (?:hurt|kill|harm|jump|die|end|stab|"
        r"cut|burn|drown|shoot)\b",
        r"\b(?:thoughts?|urges?|images?|thinking|picturing|imagin\w*|scared (?:that )?i (?:will|might|"
        r"could|ll))\b(?:\W+\w+){0,3}?\W+(?:of |about )?(?:smother\w*|hurt\w*|harm\w*|drown\w*|"
        r"shak\w*|kill\w*|stab\w*|strangl\w*|suffocat\w*|throw\w*) (?:her|him|them|the baby|my baby|"
        r"my (?:son|daughter|kids?|child|children|mom|dad|wife|husband|newborn))\b",
    )),
    NetClass("mental_health", "self-harm act", terms=(
        r"\b(?:took|take|taking|use|used|using)\b(?:\W+\w+){0,2}?\W+(?:razor|blade|knife|scissors|"
        r"lighter|box cutter|pencil sharpener blade)s? (?:to|on|across) (?:my|his|her|their)\b",
        r"\b(?:cut|cuts|cutting|carv\w*|slic\w*|burn\w*|scratch\w*|gouge\w*)\s+(?:on\s+)?(?:my|his|"
        r"her|their)\s+(?:wrists?|arms|forearms?|thighs?|legs|stomach|hips?|skin|ankles?)\b",
        r"\b(?:hitting|punching|banging|burning|starving|choking)\s+(?:my|him|her|them) ?sel(?:f|ves)\b",
    ), cues=(
        r"\b(?:again|keep|keeps|been|started|on purpose|cant stop|urge|urges|relapse\w*|clean|"
        r"help|hide|hiding|hides|long sleeves|scars?|my ?self|him ?self|her ?self|last (?:night|"
        r"nite|week)|every (?:night|day)|ngl|lately|deep|because|when i|razor|blade)\b",
    ), window=160),
    NetClass("mental_health", "violence near capability", terms=NET_VIOLENCE, cues=NET_WEAPON,
             unless=(r"\b(?:kill|hurt|murder)\b(?:\W+\w+){0,1}?\W+(?:the|my|his|her) (?:pain|time|"
                     r"cravings?|vibe|bugs?|weeds?|germs?|spiders?|roaches|mood|lights?|engine|"
                     r"battery|bill|music|refill|back|knee|feet|foot|leg|arm|shoulder)\b",)),
    # A supply saved up for an overdose, near a decision or a date ("been stockpiling them and
    # pretty much decided this week").
    NetClass("mental_health", "stockpiled supply near a decision", terms=(
        r"\b(?:stash\w*|sav(?:e|ed|ing)(?: up)?|squirrel\w* away)\b(?:\W+\w+){0,2}?\W+(?:pills|meds|"
        r"tablets|them up|my (?:pills|meds|tablets))\b",
        r"\b(?:stockpil\w*|hoard\w*)\b",
    ), cues=NET_HOPELESS + NET_DEATH + NET_FAREWELL + (
        r"\b(?:decided|made up my mind|made my mind up|ready|plan\w*|enough (?:to|for)|this week|"
        r"this weekend|tonight|tonite|when the time comes|for when)\b",
    ), window=160),
    # A threat to kill or hurt the texter, with a weapon, drink or hiding ("he has a knife and says
    # hell kill me, im locked in the bathroom"): 988 guidance carries the 911 line too.
    NetClass("mental_health", "threat against the texter", terms=(
        r"\b(?:kill|shoot|stab|strangle|choke|hurt|murder|beat) (?:me|us|my kids|the kids|my children)\b",
        r"\b(?:threaten\w*|threats?) (?:to )?(?:kill|shoot|stab|hurt) (?:me|us)\b",
    ), cues=(
        r"\b(?:knife|knives|gun|pistol|rifle|shotgun|weapon|machete|bat|drunk|high|hiding|hid|hide|"
        r"locked (?:myself|ourselves|in)|lock\w* (?:the|my) door|coming after|outside (?:my|the) door|"
        r"breaking in|banging on|choking|hit me|hitting me|grabbed|says (?:he|she)ll|said (?:he|she)d)\b",
    ), window=160),
    # Bleeding from the gut with weakness or collapse ("vomiting blood since morning, very weak").
    NetClass("medical", "gut bleeding with weakness", terms=(
        r"\b(?:vomit\w*|throw\w* up|threw up|puk\w*)\b(?:\W+\w+){0,2}?\W+(?:blood|coffee grounds?)\b",
        r"\b(?:black|tarry|maroon)\b(?:\W+\w+){0,2}?\W+(?:stools?|poop|bowel movements?|bm)\b",
        r"\b(?:blood|bloody)\b(?:\W+\w+){0,2}?\W+(?:vomit|stools?|poop)\b",
    ), cues=(
        r"\b(?:weak\w*|faint\w*|dizzy|lightheaded|light headed|pale|pass(?:ed|ing)? out|collaps\w*|"
        r"not (?:responding|making sense)|confus\w*|cant (?:stand|get up)|sweaty|clammy|a lot|so much|"
        r"since (?:this )?morning|all (?:day|night)|keeps?|again)\b",
    ), window=200),
    # --- medical (911) ---
    NetClass("medical", "chest complaint with cardiac signs", terms=(
        r"\bchest\b",
        r"\b(?:elephant|weight|ton of bricks|bricks?|vi[cs]e|tight band|someone|something|somebody)"
        r"\b(?:\W+\w+){0,3}?\W+(?:sitting|standing|pressing|squeezing|crushing|sat) on (?:my|his|"
        r"her|him|me|their)\b",
        r"\b(?:angina|heartburn|indigestion|heart)\b",
    ), cues=(
        r"\b(?:sweat\w*|clammy|cold sweat|nause\w*|short of breath|cant (?:breathe|catch)|"
        r"radiat\w*|spread\w*|goes (?:up|down|into)|going (?:up|down|into)|into (?:my|his|her) "
        r"(?:jaw|arm|back|neck|shoulder)|left arm|jaw|crush\w*|squeez\w*|elephant|pressure|"
        r"heavy|heaviness|pale|gr[ae]y|ashen|pass(?:ed|ing)? out|faint\w*|blacked out|"
        r"about to pass out)\b",
    ), window=160, unless=(r"\bheart (?:healthy|rate variability|monitor results|murmur as a (?:kid|child))\b",)),
    NetClass("medical", "breathing in distress", terms=(
        r"\b(?:breath\w*|breathe|air|oxygen|wheez\w*|gasp\w*|inhaler|nebuli[sz]er|asthma|copd)\b",
    ), cues=(
        r"\b(?:cant|can not|cannot|couldnt|struggl\w*|gasp\w*|(?:not|isnt|arent|doesnt|wont) "
        r"(?:help\w*|work\w*)|nothing (?:helps|is helping|works)|blue|bluish|gr[ae]y|dusky|ashen|"
        r"ribs|sucking in|tripod\w*|(?:one|few) words? at a time|full sentences?|barely|"
        r"labou?red|retract\w*|nostrils|every (?:hour|\d+ min\w*|few min\w*))\b",
    ), window=80),
    NetClass("medical", "colour of no oxygen", terms=(
        r"\b(?:lips|face|skin|fingers?|nails|fingertips|mouth)\b(?:\W+\w+){0,3}?\W+(?:dusky|gr[ae]y|"
        r"ashen|bluish|purplish|purple|blue)\b",
    )),
    NetClass("medical", "something stuck in the throat", terms=(
        r"\b(?:stuck|lodged|caught)\b(?:\W+\w+){0,2}?\W+(?:in )?(?:his|her|my|their|the) "
        r"(?:throat|windpipe|airway)\b",
    )),
    NetClass("medical", "one-sided or speech deficit with sudden onset", terms=(
        r"\b(?:arm|hand|leg|face|side|foot|fingers|mouth|eye)\b(?:\W+(?!(?:no|not|never)\b)\w+){0,3}?"
        r"\W+(?:numb(?!er)\w*|dead|weak\w*|heavy|limp|droop\w*|crooked|uneven|lopsided|paraly\w*|"
        r"useless|wont (?:work|move))\b",
        r"\b(?:words?|speech|talking|speaking|voice)\b(?:\W+\w+){0,4}?\W+(?:weird|wrong|funny|off|"
        r"strange|garbled|jumbled|mixed up|not coming out|thick|mush\w*)\b",
        r"\b(?:cant|couldnt|unable to) (?:find (?:the|my|his|her) words|get (?:the|my|his|her) "
        r"words out|see out of|hold (?:a|the|his|her|my) (?:cup|fork|phone|pen)|walk straight)\b",
        r"\b(?:lost|losing|loss of) (?:the )?(?:vision|sight|balance)\b|\bvision\b(?:\W+\w+){0,3}?\W+"
        r"(?:went|gone|black|dark|curtain)\b",
        r"\bdropp\w* (?:my|his|her|the) (?:coffee|cup|phone|fork|glass|keys|spoon|mug)\b",
        r"\b(?:cant|cannot|couldnt) feel (?:my|his|her|their|the) (?:face|arm|leg|hand|foot|side|lips?)\b",
        r"\bpins and needles\b",
    ), cues=(
        r"\b(?:(?:left|right|one|whole) side|hap+ened (?:when|while|after|as|all)|(?:started|came on|"
        r"began) (?:when|while|after|as))\b",
        r"\b(?:sudden\w*|all of a sudden|out of nowhere|just now|just (?:went|started|happened|"
        r"dropped)|started (?:about |like |maybe |around )?(?:\d+|a few|few|ten|twenty|fifteen|"
        r"thirty|an?|half an?) (?:min\w*|hours?|hrs?)|(?:\d+|a few|ten|twenty|fifteen|thirty) "
        r"min\w* ago|an hour ago|right now|woke up (?:with|and|like)|was (?:totally |perfectly )?"
        r"(?:fine|normal) (?:an hour|this morning|at|a few|\d+|earlier|yesterday|before)|"
        r"wont go away|dropp\w*)\b",
        # Woken with it (onset unknown: the stroke window counts from last seen well).
        r"\b(?:since|when|after|as soon as) (?:i|he|she|they|we|my \w+) (?:woke|got) up\b|"
        r"\bwoke up (?:this morning |today )?(?:with|and|like|to|unable|cant|couldnt)\b",
        # Two deficits together: a limb and the speech.
        r"\b(?:words?|speech|talking|speaking)\b(?:\W+\w+){0,4}?\W+(?:weird|wrong|funny|garbled|"
        r"jumbled|mixed up|not coming out|thick|mush\w*)\b|\bslurr\w*",
    ), window=160),
    NetClass("medical", "bleeding that will not stop", terms=(
        r"\b(?:bleed\w*|bloody|blood(?! (?:pressure|sugar|work|test|draw|thinners?|type|glucose|"
        r"count|panel|levels?|results)))\b",
    ), cues=(
        r"\b(?:dripping|drip\w* (?:through|thru)|through (?:the|a|my|his|her) (?:towel|bandage|"
        r"gauze|shirt|pad|dish towel|rag)|soak\w*|wont stop|will not stop|cant stop|not stopping|"
        r"keeps? (?:coming|going|pouring)|pool\w*|puddle|everywhere|all over|squirt\w*|spurt\w*|"
        r"gush\w*|pulsing|woozy|faint\w*|pale|cold and clammy|so much|a ton|tons of|cups? of|"
        r"clots? (?:the size|as big))\b",
    ), window=80),
    NetClass("medical", "allergen with a systemic reaction", terms=(
        r"\b(?:allergic|stung|sting|stings|bee|wasp|hornet|yellow ?jacket|fire ants?|peanuts?|"
        r"tree nuts?|cashews?|shellfish|shrimp|hives|welts|epi ?pen|anaphyla\w*|reaction|reacting|"
        r"shot|injection|vaccine|infusion|contrast|dye)\b",
    ), cues=(
        r"\bthroat\b(?:\W+\w+){0,3}?\W+(?:tight\w*|clos\w*|swell\w*|swoll\w*|thick|funny|weird|narrow)",
        r"\b(?:voice (?:\w+ ){0,2}(?:hoarse|raspy|weird|funny|changing|different)|hoarse|raspy|"
        r"wheez\w*|cant swallow|trouble swallowing|tongue (?:\w+ ){0,2}(?:thick|heavy|big|swell\w*|"
        r"swoll\w*|tingl\w*|numb)|lips? (?:\w+ ){0,2}(?:swell\w*|swoll\w*)|"
        r"whole body|all over|head to toe|everywhere|dizzy|faint\w*|lightheaded|vomit\w*|"
        r"throwing up|passed out|floppy|cant breathe|short of breath)\b",
    ), window=200, unless=(r"\b(?:seasonal|pollen|hay fever)\b",)),
    NetClass("medical", "household poison swallowed", terms=(
        r"\b(?:windshield|washer fluid|wiper fluid|antifreeze|coolant|bleach|drain cleaner|"
        r"cleaning (?:stuff|product|spray|solution)|chemicals?|pesticide|bug spray|roach|rat "
        r"poison|lighter fluid|paint thinner|turpentine|kerosene|gasoline|motor oil|pool "
        r"(?:chlorine|shock|chemicals)|chlorine|hand sanitizer|mouthwash|nail polish remover|"
        r"acetone|essential oils?|vape juice|nicotine|detergent pods?|iron pills|gummy vitamins|"
        r"edibles?|stuff (?:from|under|in) (?:the )?(?:garage|sink|shed|cabinet))\b",
    ), cues=(
        r"\b(?:drank|drink\w*|swallow\w*|ate|eaten|eating|got into|gotten into|chew\w*|lick\w*|"
        r"sucked|sipp?ed|took a (?:sip|swig|gulp)|in (?:his|her|their) mouth|mouthful)\b",
    ), window=60),
    NetClass("medical", "sedating drug with slowed breathing", terms=(
        r"\b(?:oxy\w*|opioid\w*|opiate\w*|fentanyl|fent|heroin|percocet|percs?|vicodin|norco|"
        r"hydrocodone|morphine|dilaudid|methadone|tramadol|xanax|benzo\w*|klonopin|valium|ambien|"
        r"sleeping pills?|pain pills?|gabapentin|pills)\b",
    ), cues=(
        r"\b(?:nodding off|nodd\w*|cant stay awake|wont stay awake|barely awake|hard to wake|"
        r"wont wake|breathing (?:is )?(?:\w+ )?(?:slow|shallow|weird)|slow breathing|snoring weird|"
        r"gurgl\w*|pinpoint|limp|not responding|unresponsive|passed out|(?:few|some|a lot of|"
        r"couple|bunch of|six|6) (?:beers|drinks|shots)|with (?:alcohol|booze|wine|vodka|beer))\b",
    ), window=200),
    NetClass("medical", "pregnancy with danger signs", terms=(
        r"\bpregnan\w*|\b(?:\d+|five|six|seven|eight|nine) ?(?:months?|mos?|weeks?|wks?) "
        r"(?:along|pregnant|preggo)\b|\bexpecting\b|\b(?:third|3rd) trimester\b|\bdue (?:date|in)\b",
    ), cues=(
        r"\b(?:bleed\w*|spotting|gush\w*|water broke|leaking fluid|severe|crazy|terrible|worst|"
        r"intense|excruciating|unbearable|really bad|so bad|wont (?:let up|stop|go away)|seeing "
        r"(?:spots|stars)|blurr\w*|face (?:and hands )?(?:is |are )?(?:\w+ )?swell\w*|"
        r"not moving|no movement|stopped moving|hasnt moved|less movement|faint\w*|passed out|"
        r"car accident|seizure|one side|(?:left|right) side|shoulder (?:tip )?pain|sharp pain|"
        r"flashing lights|flashes|sparkles|vision|headache|(?:feet|face|hands|legs|ankles)\b(?:\W+\w+){0,3}?"
        r"\W+(?:swell\w*|swollen|puffy))\b",
        # Decreased fetal movement.
        r"\b(?:moving|kicking|movements?) (?:a lot |much |way )?less\b|\bless (?:moving|kicking|movement)\b|"
        r"\b(?:havent|hasnt|not|didnt|dont|cant) (?:felt|feel|feeling|been) (?:the baby|him|her|it|baby) "
        r"(?:move|moving|kick\w*)\b|\b(?:decreased|reduced|no) (?:fetal )?(?:movements?|kicks?)\b",
    ), window=200),
    NetClass("medical", "preterm contractions or waters", terms=(
        r"\b(?:[12]\d|3[0-6]|twenty[ -]?\w*|thirty(?:[ -]?(?:one|two|three|four|five|six))?) ?"
        r"(?:weeks?|wks?)\b",
    ), cues=(
        r"\b(?:contractions?|tightening every|cramp\w* every|water (?:broke|breaking)|leaking (?:fluid|water)|"
        r"gush of (?:fluid|water))\b",
    ), window=200),
    NetClass("medical", "infant under three months with fever", terms=(
        r"\b(?:fever\w*|febrile|temp|temperature)\b",
    ), cues=(
        r"\b(?:newborn|(?:[1-9]|1[0-2]) ?(?:days?|weeks?|wks?) old|(?:1|2|one|two) ?(?:months?|mos?)"
        r" old)\b",
    ), window=200),
    NetClass("medical", "sick child with a red flag", terms=(
        r"\b(?:fever\w*|febrile|temp|temperature|hot to the touch|burning up)\b",
    ), cues=(
        r"\b(?:staring off|stares off|wont (?:really )?look at|not looking at|limp|floppy|hard to "
        r"wake|wont wake|cant wake|barely awake|letharg\w*|listless|not feeding|wont (?:nurse|feed|"
        r"drink)|no wet diapers?|dry diapers?|purple (?:spots|rash)|rash that doesnt fade|stiff neck|"
        r"inconsolable|high pitched cry|not acting right|not himself|not herself|not responding|"
        r"(?:really|very|so|super) sleepy|(?:purple|red|dark) (?:dots|spots|rash|specks|blotches)|"
        r"(?:dont|doesnt|wont) (?:go away|fade|blanch|disappear) when|petechia\w*)\b",
    ), window=200, also=(r"\b(?:baby|babys|infant|newborn|toddler|son|daughter|kid|child|boy|"
                         r"girl|\d+ ?(?:month|mo|week|wk|day|yr|year)s? old)\b",)),
    # Fever (or feeling very ill) with a rash that does not fade under pressure: sepsis or
    # meningitis at any age, not only in children. Spanish, Portuguese, Vietnamese, Tagalog and
    # Haitian words sit here too, since patients mix languages.
    NetClass("medical", "fever with a non-blanching rash", terms=(
        r"\b(?:fever\w*|febrile|temp|temperature|chills|burning up|fiebre|calentura|febre|sot|"
        r"lagnat|lafyev|stiff neck|cuello (?:tieso|rigido)|pescoco duro)\b",
    ), cues=(
        r"\b(?:purple|purplish|dark red|blood red|maroon|violet)\b(?:\W+\w+){0,2}?\W+(?:rash\w*|spots?|"
        r"dots?|specks?|blotch\w*|patch\w*|pinpricks?)\b",
        r"\b(?:rash\w*|spots?|dots?|blotch\w*)\b(?:\W+\w+){0,3}?\W+(?:purple|purplish|dark red|"
        r"dont fade|doesnt fade|wont fade|dont go away|doesnt go away|dont blanch|doesnt blanch|"
        r"(?:dont|doesnt|wont) (?:disappear|go white|turn white|fade))\b",
        r"\b(?:non ?blanching|petechia\w*|purpura|glass test|tumbler test|"
        r"(?:dont|doesnt|wont|didnt|not) (?:fade|blanch|go away|disappear|turn white|go white) "
        r"(?:when|if|under) (?:i |you |we )?(?:press\w*|push\w*|the glass|a glass))\b",
        r"\b(?:manchas|puntitos|puntos|ronchas) (?:morad\w*|roj\w* oscur\w*|color vino)\b|"
        r"\bno (?:se )?(?:quitan|desaparecen|borran) al (?:presionar|apretar)\b|"
        r"\bmanchas roxas\b|\b(?:ban|cham|noi ban) (?:tim|do sam)\b|\bpantal na (?:ube|lila)\b|"
        r"\btach (?:mov|vyolet)\b",
    ), window=200),
    # A double, repeated or whole-week dose of a drug that is dangerous in excess, or any extra
    # dose followed by a danger sign ("took her pills twice, now she's so drowsy").
    NetClass("medical", "extra doses of a drug dangerous in excess", terms=_EXTRA_DOSES, also=(
        r"\b(?:insulin|warfarin|coumadin|eliquis|xarelto|blood thinners?|methadone|suboxone|oxy\w*|"
        r"fentanyl|opioids?|morphine|hydrocodone|norco|percocet|tramadol|digoxin|lithium|metoprolol|"
        r"propranolol|atenolol|carvedilol|diltiazem|verapamil|clonidine|sleeping pills?|ambien|"
        r"xanax|klonopin|valium|seizure|heart pills?|tylenol|acetaminophen|glipizide|glyburide|"
        r"amitriptyline|quetiapine|seroquel)\b",
    )),
    NetClass("medical", "extra doses with a danger sign", terms=_EXTRA_DOSES, cues=(
        r"\b(?:drows\w*|(?:very|so|really|super) sleepy|confus\w*|dizz\w*|faint\w*|slow (?:heart|pulse)|"
        r"heart rate|pulse|vomit\w*|throwing up|shaky|sweaty|clammy|cant stay awake|hard to wake|"
        r"wont wake|not acting right|letharg\w*|out of it|slurr\w*|bleed\w*|breathing)\b",
    ), window=200),
    NetClass("medical", "diabetic emergency", terms=(
        r"\b(?:meter|glucometer|sugar|glucose|dexcom|libre|cgm)\b(?:\W+\w+){0,3}?\W+(?:lo|hi)\b",
        r"\b(?:diabet\w*|type (?:1|one)|t1d|insulin|sugar|glucose)\b",
    ), cues=(
        r"\b(?:confus\w*|not making (?:any )?sense|talking nonsense|slurr\w*|acting drunk|wont wake|"
        r"hard to wake|out of it|unresponsive|passed out|seizure|combative|fruity|breathing "
        r"(?:fast|deep|weird|heavy)|cant keep anything down|vomiting nonstop)\b",
        r"\b(?:says|reads|reading|shows|showing) (?:lo|hi)\b",
    ), window=200),
    NetClass("medical", "unresponsive person found", terms=(
        r"\b(?:wont|will not|isnt|is not|not|doesnt|does not|cant get (?:him|her|them) to)\s+"
        r"(?:answer\w*|respond\w*|react\w*|talk\w*|focus\w*|look\w* at)\s+(?:me|us|anyone|to)\b",
        r"\b(?:found|find) (?:him|her|them|my \w+) (?:on the floor|on the ground|in the (?:bathroom|"
        r"shower|tub|car|yard)|slumped|face down|not moving|unconscious|blue|limp)\b",
    ), cues=(
        r"\b(?:found|floor|ground|collapsed|fell|eyes (?:are )?(?:open|rolled)|staring|limp|breathing|"
        r"shook|shaking (?:him|her)|yell\w*|blank|slumped|drool\w*)\b",
    ), window=120),
    NetClass("medical", "acute abdomen", terms=(r"\b(?:belly|stomach|abdomen|tummy|abdominal)\b",), cues=(
        r"\b(?:rigid|distended|hard as a rock|rock hard|screaming|writhing|doubled over|cant stand up|"
        r"worst pain|green (?:vomit|puke|stuff|bile)|(?:puk|vomit|threw up|throwing up)\w* (?:up )?"
        r"green|bile|coffee grounds|black (?:tarry )?(?:stool|poop)|cant (?:walk|move) (?:from|because))\b",
    ), window=120),
    NetClass("medical", "foraged plant or mushroom eaten", terms=(
        r"\b(?:mushrooms?|berries|toadstools?|plants?|leaves|seeds|flowers|bulbs?)\b",
    ), cues=(r"\b(?:picked|found|wild|yard|foraged|woods|backyard|garden|forest|outside|park)\b",),
        window=80, also=(r"\b(?:ate|eaten|eating|swallow\w*|chew\w*|cooked)\b",)),
    NetClass("medical", "water submersion", terms=(
        r"\b(?:fell|fall|went|slipped|was|been|found (?:him|her|them)(?: face down)?) (?:in|into|under)"
        r" (?:the |a )?(?:pool|bathtub|tub|lake|pond|ocean|river|water)\b",
        r"\bpulled (?:him|her|them) out of the (?:pool|water|lake|tub|river)\b|\b(?:near|almost|nearly) drown\w*",
    ), cues=(
        r"\b(?:cough\w*|tired|sleepy|out of it|breath\w*|blue|vomit\w*|throw\w* up|limp|confus\w*|"
        r"not (?:acting|himself|herself)|wheez\w*|not breathing|cpr)\b",
    ), window=200),
    NetClass("medical", "fever with confusion or shock", terms=(
        r"\b(?:fever\w*|temp|temperature|chills|infection|infected|surgery|wound|incision|sepsis)\b",
    ), cues=(
        r"\b(?:confus\w*|delirious|out of it|not making (?:any )?sense|mottled|blotchy|shaking "
        r"uncontrollably|cant stop shaking|rigors|hard to wake|barely (?:awake|responsive))\b",
    ), window=160),
    NetClass("medical", "injury with a danger sign", terms=(
        r"\b(?:accident|car wreck|wreck|crash\w*|hit by a (?:car|truck)|fell (?:off|from) (?:a|the) "
        r"(?:roof|ladder|balcony|second|2nd|tree)|thrown from|motorcycle)\b",
    ), cues=(
        r"\b(?:not moving|wont move|cant move|unconscious|knocked out|bleed\w*|blood|cant feel (?:his|"
        r"her|my) (?:legs|arms)|neck|head|not breathing|unresponsive|confus\w*)\b",
    ), window=160),
    NetClass("medical", "racing or failing heart with collapse", terms=(
        r"\bheart\b|\bpulse\b|\bheart ?rate\b|\bhr\b",
    ), cues=(
        r"\b(?:almost|nearly|about to)? ?(?:blacked out|black out|passed out|pass out|fainted|"
        r"faint\w*|collapsed)\b",
    ), window=120),
    # --- classes added after round 3 (generalised from its misses, written as populations) ---
    NetClass("mental_health", "research of a lethal dose or method", terms=(
        r"\b(?:lethal|fatal|deadly|toxic|killing) (?:dose|amount|dosage|quantity|overdose)\b",
        r"\bhow (?:many|much)\b(?:\W+\w+){0,7}?\W+(?:to|would|will|it takes? to|does it take to)\W+"
        r"(?:die|kill (?:me|you|someone|somebody|a person|my ?self|your ?self)|not wake up|never wake "
        r"up|be (?:fatal|lethal|deadly)|od|overdose|end it|stop (?:my|your|the) heart)\b",
        r"\bpainless (?:ways?|death|method|suicide|way out|way to go)\b",
        r"\b(?:quickest|easiest|fastest|surest|best|quick|easy|quiet) (?:ways?|method) (?:to|of) "
        r"(?:die|dying|go|kill (?:my|your) ?self|end (?:it|my life|your life))\b",
        r"\b(?:search(?:ed|ing)?|googl\w*|look\w* up|research\w*)\b(?:\W+\w+){0,4}?\W+(?:how to "
        r"(?:die|kill|hang|overdose|od)|ways to die|suicide methods?)\b",
    )),
    NetClass("mental_health", "firearm near despair", terms=(
        r"\b(?:guns?|revolver|handgun|pistol|rifle|shotgun|firearms?|glock|ammo|ammunition|bullets?|"
        r"(?:38|45|22|9mm) (?:special|caliber|revolver|pistol)?)\b",
    ), cues=NET_HOPELESS + NET_DEATH + NET_FAREWELL + (
        r"\b(?:burden|better off|nobody (?:would|will) miss|no one (?:would|will) miss|"
        r"(?:asking|asked|looking|looked|searching) (?:for|where|about)|where (?:his|her|my) \w* ?"
        r"(?:gun|revolver|pistol|rifle|shotgun) (?:is|went)|depress\w*|hopeless|suicid\w*)\b",
    ), window=200, unless=(r"\bgun (?:safety|show|range|license|permit)\b",)),
    NetClass("mental_health", "passive ideation with burden or farewell", terms=NET_HOPELESS,
             cues=NET_HOPELESS + NET_FAREWELL + (
        r"\b(?:bye|byebye|goodnight forever|sorry for everything)\b(?=\W*$)",
        r"\b(?:im|i am|so|just|really|too) (?:so |really |just )?(?:tired|exhausted|done)\b(?! of (?:the|this|"
        r"that|your|waiting|calling|being on hold))",
        r"\b(?:disappear\w*|vanish|gone|not (?:be )?(?:here|around)|no one would notice|"
        r"nobody (?:cares|would care|would notice))\b",
    ), window=220),
    NetClass("mental_health", "plan against a named person", terms=(
        r"\b(?:want|wanna|going|gonna|gon|ready|plan\w*|will|ill|im going) (?:to )?(?:hurt|kill|shoot|"
        r"stab|beat|strangle|choke|murder|run over|get|deal with|teach)\b(?:\W+\w+){0,1}?\W+"
        r"(?:him|her|them|(?:the|that|this|my|his|her) (?!pain|time|bill|cravings?|mood|bugs?|weeds?)"
        r"\w+)\b",
    ), cues=(
        r"\bknow (?:his|her|their) (?:schedule|routine|shifts?|address|car|hours|house)\b",
        r"\bknow where (?:he|she|they) (?:lives?|works?|parks?|sleeps?|goes)\b",
        r"\b(?:wait|waiting|be waiting|show up|showing up|follow\w*)\b(?:\W+\w+){0,1}?\W+(?:for (?:him|"
        r"her|them)|(?:by|at|near|outside|behind) (?:his|her|their) (?:car|truck|house|home|door|work|"
        r"job|school|office|apartment)|(?:him|her|them) home)\b",
        r"\b(?:gun|knife|bat|weapon|rifle|pistol|tonight|after (?:work|her shift|his shift))\b",
    ), window=200, unless=(r"\b(?:kill|hurt|murder)\b(?:\W+\w+){0,1}?\W+(?:the|my) (?:pain|time|bill)\b",)),
    NetClass("mental_health", "overdose with an apology or farewell", terms=NET_MEANS, cues=(
        r"\b(?:im|i am) (?:so |really |very )?sorry\W*$|\bsorry\W*$|\bforgive me\b|\bi love (?:you|u)\b",
    ), window=200, unless=(r"\b(?:by accident|accidental\w*|by mistake|toddler|baby|got into)\b",)),
    NetClass("medical", "carbon monoxide or gas exposure with symptoms", terms=(
        r"\b(?:carbon monoxide|co (?:detector|alarm|poisoning|monitor)|(?:detector|alarm) (?:is |was |keeps )?"
        r"(?:going off|beeping|went off|chirping)|generator|furnace|space heater|kerosene heater|"
        r"propane heater|gas (?:heater|leak|smell|fumes)|smell(?:s|ed|ing)? (?:like )?(?:gas|fumes|rotten "
        r"eggs)|exhaust fumes|fumes|charcoal (?:grill )?(?:inside|indoors)|grill (?:inside|indoors)|"
        r"car (?:running|on) in (?:the|a) (?:garage|closed))\b",
    ), cues=(
        r"\b(?:headaches?|dizz\w*|vomit\w*|throw\w* up|threw up|puk\w*|nause\w*|sick|sleepy|drowsy|"
        r"confus\w*|pass(?:ed|ing)? out|faint\w*|wont wake|hard to wake|weak|cherry red|(?:both|all) "
        r"(?:of us|have|feel|got|are))\b",
    ), window=220),
    NetClass("medical", "fuel-burning appliance with symptoms in several people", terms=(
        r"\b(?:heaters?|heating|boiler|wood ?stove|stove|fireplace|furnace|generator|oven|grill|"
        r"fumes|chimney|gas (?:heat|fireplace|logs))\b",
    ), cues=(
        r"\b(?:headaches?|dizz\w*|vomit\w*|throw\w* up|threw up|puk\w*|nause\w*|sleepy|drowsy|"
        r"confus\w*|pass(?:ed|ing)? out|faint\w*|wont wake|hard to wake|lightheaded)\b",
    ), window=220, also=(
        r"\b(?:whole (?:family|house|household)|(?:all|both) of us|(?:all|both) (?:the )?(?:kids|of them)|"
        r"everyone|everybody|(?:we|they) (?:all|both)|(?:kids|husband|wife|partner) and (?:i|me)|"
        r"(?:me|i) and (?:my|the) (?:\w+ )?(?:kids|husband|wife|partner|son|daughter|mom|dad)|"
        r"(?:my|the) (?:\w+ )?(?:kids|husband|wife|son|daughter|mom|dad|roommate) (?:too|also|as well)|"
        r"(?:both|all) (?:have|feel|got|are))\b",
    )),
    NetClass("medical", "venomous bite or sting", terms=(
        r"\b(?:snake|snakes|rattle ?snake|rattler|copperhead|cottonmouth|water moccasin|coral snake|"
        r"viper|adder|scorpion|black widow|brown recluse|box jellyfish|stingray|lionfish|gila monster)\b",
    ), cues=(r"\b(?:bit|bite|bites|biting|bitten|stung|sting|stings|struck|fangs?|got (?:him|her|me|bit))\b",),
        window=80),
    NetClass("medical", "venomous bite or sting", terms=(r"\bsnake ?bites?\b|\bsnakebit\w*",)),
    NetClass("medical", "sudden testicular pain", terms=(
        r"\b(?:testicles?|testicular|testis|testes|scrotum|scrotal|torsion)\b|\btwisted (?:testicle|ball)",
    ), cues=(
        r"\b(?:sudden\w*|out of nowhere|came on|all at once|woke (?:him |her |me )?up|vomit\w*|throw\w* "
        r"up|threw up|puk\w*|nause\w*|swollen|swelling|severe|terrible|horrible|excruciating|so bad|"
        r"really bad|worst|unbearable|cant walk|screaming|crying|an hour ago|minutes ago|twisted|torsion|"
        r"high up)\b",
    ), window=200, also=(r"\b(?:pain\w*|hurt\w*|ache?s?|aching|sore|torsion|twisted)\b",),
        unless=(r"\bfor (?:weeks|months|years|a while|a long time)\b|\b(?:lump|vasectomy|fertility)\b",)),
    NetClass("medical", "heat illness with a danger sign", terms=(
        r"\b(?:heat ?stroke|sun ?stroke|heat exhaustion)\b",
        r"\b(?:heat|heatwave|heat wave|sun|hot car|hot attic|sauna|(?:in|out in) the hot)\b"
        r"(?! (?:rash|pad|pack|lamp))",
    ), cues=(
        r"\b(?:confus\w*(?! (?:about|by|with|on|as to|over|why|what|how))|disoriented|not making sense|"
        r"(?:stopped|not|isnt|no longer) sweating|no sweat|"
        r"dry (?:and )?hot|skin (?:is )?(?:\w+ )?hot|burning up|pass(?:ed|ing)? out|collapsed|seiz\w*|"
        r"unresponsive|wont wake|slurr\w*|acting drunk|fainted)\b",
    ), window=160),
    NetClass("medical", "electrical injury", terms=(
        r"\belectrocut\w*|\belectric(?:al)? shock|\b(?:live|power|downed|exposed) (?:wire|line)s?\b|"
        r"\bhigh voltage\b|\bshocked (?:him|her|my) ?self\b|\bgot shocked (?:by|from|on) (?:a|an|the) "
        r"(?:outlet|wire|socket|fence|cord|panel|breaker|line)\b|\bstruck by lightning\b|\blightning\b",
    ), cues=(
        r"\b(?:heart|chest|racing|pounding|irregular|palpitat\w*|burn\w*|unconscious|pass(?:ed)? out|"
        r"numb(?!er)\w*|tingl\w*|confus\w*|cant feel|thrown|fell|seiz\w*|not breathing|got (?:shocked|zapped))\b",
    ), window=160),
    # --- classes added after round 6 (generalised from its misses, written as populations) ---
    # A baby who has stopped wetting diapers, or has sunken eyes or a sunken soft spot, is
    # dehydrated whatever the cause (vomiting, diarrhoea, not feeding).
    NetClass("medical", "infant dehydration", terms=(
        r"\b(?:no|not any|zero) wet diapers?\b|\b(?:hasnt|has not|hadnt|havent|not) (?:had (?:a|any) )?"
        r"(?:wet (?:a|her|his|any) diapers?|peed|pee\w*|urinated)\b|\bdiapers? (?:has|have|has been|have been) "
        r"dry\b|\bsunken (?:eyes|soft ?spot|fontanel\w*)\b|\beyes (?:look |are |look really |are really )?sunken\b",
    ), also=(_CHILD_WORDS,)),
    # Severe headache, vision change or breathlessness in the weeks after a birth: postpartum
    # preeclampsia or a clot.
    NetClass("medical", "postpartum with danger signs", terms=(
        r"\bpost ?partum\b|\b(?:had|delivered|gave birth to) (?:my|the|our|a) (?:baby|son|daughter|twins)\b"
        r"(?:\W+\w+){0,2}?\W+(?:\d+|a|one|two|three|four|five|six|few) (?:days?|weeks?|wks?) ago\b|"
        r"\b(?:gave birth|delivered|had a c ?section)\b|\b(?:just )?had (?:my|the|a) baby\b",
    ), cues=(
        r"\b(?:pounding|severe|worst|terrible|splitting|really bad|bad) headache\b|\bheadache\b(?:\W+\w+){0,6}?"
        r"\W+(?:isnt|is not|wont|not|nothing) (?:touching|helping|going away|working|stopping)\b|"
        r"\bseeing (?:\w+ )?(?:spots|stars|sparkl\w*|flashes|lights)\b|\bblurr\w* vision\b|\bvision\b|"
        r"\bshort(?:ness)? of breath\b|\bcant catch my breath\b|\bchest pain\b",
    ), window=250),
    # "Not sure I'll still be here by then" beside a plan ("been planning how I'd do it").
    NetClass("mental_health", "passive ideation with a plan", terms=(
        r"\b(?:not sure|dont know if|dont think|doubt|no idea if) (?:ill|i will|im going to|i am going to) "
        r"(?:still )?(?:be (?:here|around|alive)|make it)\b|\b(?:wont|will not|might not) (?:still )?be "
        r"(?:here|around|alive) (?:by then|much longer|next week|for long|anymore)\b",
    ), cues=(
        r"\b(?:planning|planned|plan) (?:how|out how|it|it out|to do it|when)\b|\bhow (?:id|i would|i will|ill|"
        r"im going to) do it\b|\b(?:have|got|made) a plan\b|\bfigured out how\b|\bwrote (?:a|my) (?:note|letter)\b|"
        r"\bgiving (?:away )?my (?:stuff|things)\b",
    ), window=250),
    # A pulse said in prose ("heart's been pounding like 170"), fast and with a fainting cue.
    NetClass("medical", "racing or failing heart with collapse", terms=(
        r"\bhearts?\b(?:\W+\w+){0,4}?\W+(?:pounding|racing|beating|going|running)\b(?:\W+\w+){0,2}?\W+"
        r"(?:1[5-9]\d|2[0-4]\d)\b",
    ), cues=(
        r"\b(?:black(?:ed|ing)? out|pass(?:ed|ing)? out|faint\w*|dizz\w*|collaps\w*|chest|cant breathe|"
        r"short of breath)\b",
    ), window=200),
    # Choking that has taken the voice or the colour: a blocked airway.
    NetClass("medical", "choking with a blocked airway", terms=(
        r"\b(?:chok(?:ed|ing)|choke)\b",
    ), cues=(
        r"\b(?:cant|cannot|can not|unable to|not able to|couldnt) (?:talk|speak|cough|breathe|make a sound)\b|"
        r"\b(?:turning|turned|going) (?:blue|purple|gray|grey)\b|\bno sound\b",
    ), window=150),
)

_VITAL_CUES_BP = (
    r"\b(?:headache|head|vision|blurr\w*|seeing|chest|confus\w*|numb(?!er)\w*|weak\w*|slurr\w*|"
    r"short of breath|breath\w*|nose ?bleed|vomit\w*|dizz\w*|nause\w*|cabeza|vista|borros\w*|pecho|"
    r"mare\w*)\b",
)
_CHILD = (
    r"\b(?:baby|babys|infant|newborn|toddler|son|daughter|kid|child|boy|girl|bebe|nino|nina|hijo|"
    r"hija|pitit|filho|filha|anak|\d+ ?(?:months?|mos?|weeks?|wks?|meses|mes|semanas|mwa|thang|"
    r"buwan|yr|year|ano|anos)s?)\b|个月|개월|месяц|شهر|اشهر",
)

VITALS = (
    Vital("blood pressure", r"\b(?:blood pressure|bp|pressure|presion|pressao|tansyon|presyon|"
          r"huyet ap|reading)|血压|血壓|혈압|давлени\w*|ضغط",
          r"(\d{2,3})\s*(?:/|over|sobre|por)\s*(\d{2,3})",
          danger=((1, 180, 320), (2, 120, 220)), cues=_VITAL_CUES_BP),
    # "it says 228 over 131": a reading this high is a blood pressure whatever names it.
    Vital("blood pressure extreme", r"\b(?:blood pressure|bp|pressure|presion|pressao|tansyon|"
          r"presyon|huyet ap|says|said|reads|read|showed|shows|was|is|its|got|machine|monitor|cuff)|血压|血壓|혈압|давлени\w*|ضغط",
          r"(\d{2,3})\s*(?:/|over|sobre|por)\s*(\d{2,3})",
          danger=((1, 220, 320), (2, 130, 220))),
    # "sat on hold 52 minutes" is no saturation: "sat" is a label only as a noun, and a reading
    # never carries a unit of time or weight.
    Vital("oxygen", r"\b(?:oxygen|o2|spo2|sp02|pulse ?ox\w*|oximeter|sats|saturation|saturacion|"
          r"oxigeno|oxigenio|(?:o2 |oxygen |her |his |my |the )sat(?! (?:on|in|at|down|there|here|with|for|"
          r"outside|through|up|by|around|and|waiting|next|beside|alone|back|quietly|in the)\b))\b|血氧|산소",
          r"(\d{2})\s*(?:%|percent|por ciento)?(?!\d|\s*(?:min\w*|hours?|hrs?|days?|weeks?|years?|yrs?|"
          r"lbs?|pounds|kg|am|pm|mg|miles?))", danger=((1, 40, 89),)),
    Vital("glucose", r"\b(?:sugar|glucose|bg|blood sugar|meter|glucometer|cgm|dexcom|libre|azucar|"
          r"glucosa|glicose|glycemie|duong huyet|duong trong mau|asukal|glisemi|sik)\b|血糖|혈당|сахар\w*|سكر",
          r"(\d{2,4})(?!\s*(?:/|%|mg (?:of|tab)|units?|years?|yrs?|lbs?|kg|pounds|minutes?|min\b|"
          r"hours?|carbs?|grams?|g\b|pm|am))",
          danger=((1, 10, 49), (1, 400, 1500))),
    # A low reading with a brain sign (drowsy, confused, unresponsive) is severe hypoglycemia.
    Vital("low glucose with drowsiness", r"\b(?:sugar|glucose|bg|blood sugar|meter|glucometer|cgm|"
          r"dexcom|libre|azucar|glucosa|glicose|glycemie|duong huyet|duong trong mau|asukal|glisemi)\b|"
          r"血糖|혈당|сахар\w*|سكر",
          r"(\d{2,3})(?!\s*(?:/|%|mg (?:of|tab)|units?|years?|yrs?|lbs?|kg|pounds|minutes?|min\b|"
          r"hours?|carbs?|grams?|g\b|pm|am))",
          danger=((1, 10, 69),), cues=(
              r"\b(?:drowsy|sleepy|confus\w*|out of it|wont wake|cant wake|hard to wake|unresponsive|"
              r"not responding|shaky|shaking|sweaty|sweating|pass(?:ed|ing)? out|faint\w*|lethargic|"
              r"slurr\w*|somnolient\w*|adormilad\w*|confundid\w*|no responde|no reacciona|desmay\w*|"
              r"temblor\w*|sudando|lo mo|khong tra loi|li bi|lu lan|ngat|xiu|mo mang|nahihilo|"
              r"hindi sumasagot|groggy|incoherent|seizing|seizure)\b|迷糊|嗜睡|昏|叫不醒|意识|没反应|"
              r"의식|졸려|반응이|식은땀|спит|сознани|без сознания",
          ), window=200),
    Vital("high fever in a child", r"\b(?:fever|temp|temperature|fiebre|calentura|febre|lafyev|"
          r"lafyèv|lagnat|sot|nhiet do|thermometer|termometro)\b|发烧|发热|體溫|体温|열이|열|"
          r"температур\w*|حراره|حمى",
          r"(\d{2,3}(?:[.,]\d)?)(?!\d)", danger=((1, 104, 110), (1, 40, 43)), cues=_CHILD, window=200),
    Vital("heart rate", r"\b(?:heart ?rate|hr|pulse|heart)\b|心率|심박",
          r"(\d{2,3})(?!\s*(?:/|%))", danger=((1, 150, 260), (1, 20, 39)),
          cues=(r"\b(?:dizz\w*|faint\w*|pass(?:ed|ing)? out|black(?:ed|ing)? out|chest|breath\w*|"
                r"collaps\w*|confus\w*|weak|pale|sweat\w*)\b",)),
)

LEXICON = Lexicon(
    lang="en",
    markers=MARKERS,
    strong_markers=STRONG_MARKERS,
    emergency_medical=EMERGENCY_MEDICAL,
    emergency_mental_health=EMERGENCY_MENTAL_HEALTH,
    idioms=IDIOMS,
    mentions=MENTIONS,
    safety_net=SAFETY_NET,
    vitals=VITALS,
    negations=NEGATIONS,
    resolved=RESOLVED,
    settled=SETTLED,
    ongoing=ONGOING,
    symptoms=SYMPTOMS,
    clinical_questions=CLINICAL_QUESTIONS,
    opt_out=OPT_OUT,
    opt_in=OPT_IN,
    intents=(*INTENTS, IntentRules(Intent.CONFIRM, weak=CONFIRM_PHRASES), IntentRules(Intent.THANKS, weak=THANKS)),
    appointment_status=APPOINTMENT_STATUS,
    walk_in=(
        r"\bwalk[ -]?ins?\b|\bappointment only\b|\bwithout an appointment\b|\bdo (?:i|we) (?:need|have) to "
        r"(?:make|book|schedule|have) an appointment\b|\bdo (?:i|we) need an appointment\b",
    ),
    upset=UPSET,
    needs_person=NEEDS_PERSON,
    wants_manager=(
        r"\bwho (?:do|can|should) (?:i|we) (?:talk|speak|complain) to about (?:this|that|it)\b",
        r"\b(?:manager|supervisor|complaint|complain|administrator|someone in charge|"
        r"person in charge|whoever (?:is )?in charge|who(?:s| is) in charge|grievance|"
        r"(?:someone|somebody) (?:higher up|above (?:her|him|them)))\b",
    ),
    context_cues=(
        (
            "telehealth_prep",
            r"\b(?:link|app|browser|join|joining|connect\w*|camera|code|waiting room|video|zoom|"
            r"computer|laptop|tablet|internet|wifi|audio|sound|mic|ready|car|phone|cell|parked|driving|"
            r"from (?:home|work|my \w+)|outside)\b",
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

# --- BEGIN emergency concepts (flows/triage/concepts.py) --------------------------------------
# Per-language terms of the language-neutral red-flag concepts; numbers, ages, durations and
# temperatures are read by the concept code itself.
CONCEPT_NUMBERS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12, "dozen": 12,
}
CONCEPT_TERMS = {
    "day": (r"days?\b",),
    "week": (r"weeks?\b", r"wks?\b"),
    "month": (r"months?\b", r"mos?\b"),
    "year": (r"years?\b", r"yrs?\b", r"yo\b"),
    "duration_before": (r"\b(?:for|past|last|since|over|about the last)\s+(?:\w+\s+)?$",),
    "duration_after": (r"^\W*(?:ago|now|straight|in a row|of)\b",),
    "age_marker": (r"^\W*old\b", r"\bold\b", r"\baged?\b"),
    "child": (
        r"\b(?:baby|babys|infant|son|daughter|kid|kids|child|toddler|boy|girl|grandson|"
        r"granddaughter|little one|lo)\b",
    ),
    "newborn": (r"\bnew ?borns?\b|\bneonat\w*|\bpreemie\b",),
    "fever": (
        r"\b(?:fever\w*|febrile|burning up|high temp\w*|running a temp\w*|spiking)\b",
    ),
    "temp_label": (r"\b(?:temp\w*|thermometer|reads?|reading|rectal|forehead)\b",),
    "lethargy": (
        r"\b(?:hard to wake|wont wake|will not wake|cant wake|barely wakes?|barely awake|"
        r"limp|floppy|lethargic|listless|unresponsive|not (?:drinking|feeding) (?:anything|at all)|"
        r"wont (?:drink|feed|nurse) (?:anything)?|refus\w* (?:to )?(?:drink|feed|nurse|the bottle)|"
        r"no wet diapers?|sleeping (?:all day|nonstop)|wont stay awake|cant stay awake|out of it)\b",
    ),
    "bleed": (
        r"\b(?:bleed\w*|blood(?! (?:tests?|work|pressure|sugars?|draws?|type|results?|panel|levels?|"
        r"counts?|thinners?|glucose|bank|donation|drive|orange)))\b",
    ),
    "nonstop": (
        r"\b(?:wont|will not|doesnt|does not|cant|cannot|not|isnt) (?:\w+ )?stop\w*|"
        r"\bnothing (?:\w+ ){0,2}(?:stops|stopped|makes it stop|works|helps)\b|\bkeeps? (?:on )?bleed\w*|"
        r"\b(?:soak\w*|through) (?:\w+ ){0,2}(?:towels?|pads?|gauze|bandages?|shirt)\b|"
        r"\b(?:for|over) (?:an? |\d+ |two |half an? )?(?:hours?|hrs?|(?:\d+ )?min\w*)\b|"
        r"\b(?:a lot|so much|heavily|everywhere|nonstop|non stop|like crazy|pouring|gushing|squirting|"
        r"spurting)\b",
    ),
    "pregnant": (
        r"\b(?:pregnan\w*|expecting|gestation\w*|prenatal|ob appointment)\b",
        r"\b(?:im|i am|shes|she is|wife is|at) (?:\d{2}|thirty \w+|twenty \w+) (?:weeks|wks)\b",
    ),
    "late_pregnancy": (
        r"\bthird trimester\b|\b3rd trimester\b|\b(?:past|near|close to|before) (?:my )?due date\b|"
        r"\bdue (?:date )?(?:in|next) (?:\w+ )?(?:weeks?|days?|month)\b|\bfull term\b",
    ),
    "gestation_week": (),
    "fetal_movement": (
        r"\b(?:kick\w*|moving|move\w*|movements?|wiggl\w*|flutter\w*|rolls?|rolling)\b",
    ),
    "reduced": (
        r"\b(?:not|hasnt|havent|isnt|stopped|no longer|cant feel|dont feel|didnt feel|hardly|barely|"
        r"less|fewer|decreased|reduced|slowed|not as much|quieter|much quieter|cant remember)\b",
    ),
    "fetal_movement_reduced": (
        r"\b(?:havent|hasnt|not|cant|didnt|dont) (?:\w+ )?(?:felt|feel|feeling) (?:\w+ )?(?:kick|move|moving)\w*",
    ),
    "preeclampsia": (
        r"\b(?:worst|severe|bad|pounding|terrible|splitting|awful)\b{gap}headache|"
        r"\bheadache\b{gap}(?:wont go away|not going away|tylenol didnt|nothing helps)|"
        r"\b(?:seeing (?:\w+ )?(?:spots|stars|sparkl\w*|flash\w*)|blurr?y vision|vision (?:is )?(?:blurr?\w*|"
        r"weird|going)|flashing lights)\b|\bsudden(?:ly)? swell\w*",
    ),
    "face_droop": (
        r"\b(?:face|mouth|smile|lip)\b(?:\W+\w+){0,4}?\W+(?:droop\w*|sag\w*|hanging down|crooked|"
        r"lopsided|uneven|drooping)\b",
        r"\b(?:corner|side) of (?:his|her|my|their) (?:mouth|face)\b(?:\W+\w+){0,3}?\W+(?:down|droop\w*)",
    ),
    "arm_weak": (
        r"\b(?:arm|leg|hand)\b(?:\W+\w+){0,3}?\W+(?:weak|limp|numb|heavy|dead|wont lift)\b|"
        r"\bcant (?:lift|raise|move) (?:his|her|my|their) (?:arm|leg)\b",
    ),
    "speech_slurred": (
        r"\b(?:slurr\w*|mushy|garbled|gibberish|jumbled)\b|\bwords (?:are )?(?:coming out )?(?:wrong|mixed)\b",
        r"\bcant (?:get (?:the |his |her |my )?words out|find (?:the |his |her )?words)\b",
    ),
    "sudden": (r"\b(?:sudden\w*|all of a sudden|out of nowhere|just now|minutes ago)\b",),
    "cant_finish_sentence": (
        r"\b(?:cant|can not|cannot|unable to|not able to) (?:finish|get out|say|complete) "
        r"(?:a |my |his |her |full |whole |one )*(?:sentences?|words?)\b",
        r"\bonly (?:say|get out|speak) (?:\w+ ){0,4}words? at a time\b",
        r"\b(?:cant|can not) (?:talk|speak) (?:without|between) (?:\w+ )?breath\w*",
    ),
    "breath_severe": (),
    "lips": (r"\b(?:lips?|face|fingernails?|nails)\b",),
    "blue": (r"\b(?:blue|bluish|blu|gray|grey|greyish|purple|purplish|dusky)\b",),
    "chest_pain": (
        r"\bchest\b{gap}(?:pain|hurts?|tight\w*|pressure|heav\w*|squeez\w*|crush\w*)",
        r"\b(?:pain|pressure|tightness|squeezing|heaviness)\b{gap}chest\b",
    ),
    "chest_danger": (
        r"\b(?:jaw|left arm|down (?:my|his|her) arm|arm|shoulder|back)\b|\b(?:sweat\w*|clammy|"
        r"nause\w*|short of breath|cant breathe|dizzy|faint\w*|crushing|elephant)\b",
    ),
    "ingest": (
        r"\b(?:took|taken|swallowed|ate|downed|chugged|drank|popped|gulped|got into|gave (?:him|her))\b",
    ),
    "pill_unit": (
        r"\b(?:pills?|tablets?|tabs|capsules?|caps|gummies|edibles|sleeping pills|benadryl|tylenol|"
        r"ibuprofen|advil|xanax|oxy\w*|percocet)\b",
    ),
    "poison": (
        r"\b(?:bleach|antifreeze|drain cleaner|lye|rat poison|pesticide|weed killer|lighter fluid|"
        r"gasoline|lamp oil|button batter(?:y|ies)|laundry pods?|detergent pods?)\b",
    ),
    "suicidal": (
        r"\b(?:dont|do not|no longer) plan on (?:being|staying) (?:around|here|alive)\b",
        r"\b(?:not|wont) (?:be )?(?:around|here|alive) (?:after|past|by) (?:this|the|tonight|tomorrow)\b",
    ),
    "swelling": (r"\b(?:swell\w*|swoll\w*|puff\w*|thick|closing|tight\w*)\b",),
    "airway": (r"\b(?:throat|tongue|airway)\b",),
    "face_part": (r"\b(?:lips?|face|eyes?|mouth)\b",),
    "allergen": (
        r"\b(?:peanuts?|nuts?|shellfish|shrimp|crab|lobster|fish|eggs?|sesame|bee|wasp|hornet|stung|"
        r"sting|antibiotic\w*|penicillin|amoxicillin|sulfa|new (?:med\w*|pill)|injection|shot|"
        r"allerg\w*|ate|eating)\b",
    ),
    "hypothetical": (
        r"\bwhat (?:should|do|would|can) (?:i|we) do (?:if|when|in case)\b",
        r"\b(?:what|how) (?:happens|to do) if\b|\bin case (?:he|she|i|they|my|it)\b",
        r"\bif (?:it|this|that) (?:ever )?happens? again\b|\bwhat are the (?:warning )?signs of\b",
    ),
    "happening_now": (
        r"\b(?:right now|now|currently|at the moment|is having|hes having|shes having|im having|"
        r"is happening|just (?:had|started|happened))\b",
    ),
    "dosing_routine": (r"\b(?:a day|per day|daily|a week|a month|per month|left|refills?|prescribed|supply|bottle of \d+)\b",),
    "hyperbole": (r"\b(?:going to|gonna|ill|i will|will|im going to) die (?:if i have to|waiting|of (?:boredom|embarrassment|shame|laughter|hunger)|before (?:i|they) (?:get|call))\b",),
}
# --- END emergency concepts -------------------------------------------------------------------
