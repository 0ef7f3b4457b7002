"""Haitian Creole triage word lists (lingua has no Haitian Creole: detection uses these markers)."""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule
from flows.types import Intent

LEXICON = Lexicon(
    lang="ht",
    markers=frozenset(
        {
            "mwen", "ou", "li", "nou", "yo", "pa", "kijan", "ki", "nan", "ak", "pou", "gen", "se",
            "sa", "tanpri", "mesi", "souple", "dokte", "randevou", "bezwen", "vle", "konnen",
            "pitit", "anko", "kounye", "kote", "fe", "map", "m", "w", "pe", "kapab", "ka", "te",
            "yon", "sou", "lopital", "manman", "papa", "pral", "poukisa", "kisa", "bonjou", "mal",
            "anpil",
        }
    ),
    strong_markers=frozenset(
        {"mwen", "kijan", "tanpri", "mesi", "souple", "randevou", "bezwen", "anko", "pitit",
         "kounye", "konnen", "dokte", "lopital", "poukisa", "kisa", "bonjou", "map", "anpil"}
    ),
    emergency_medical=(
        # Round 2 (issue 12): a phrasing the screen missed.
        Rule("kriz", r"\bje (?:l|li) vire(?: anle)?\b"),
        Rule("doule nan pwatrin", r"\b(?:doule|doulè|mal) (?:nan |nan pwatrin|lestomak)?(?:pwatrin|lestomak)\b|\b(?:pwatrin|lestomak) (?:mwen |li )?(?:ap |pe )?(?:fe mal|sere|peze|doule)\b"),
        Rule("pa ka respire", r"\b(?:pa ka|pa kapab|pakab|paka) respire\b|\bkout souf\b|\bsouf (?:kout|koupe)\b|\bmanke souf\b"),
        Rule("estwok", r"\b(?:estwok|atak)\b|\b(?:bouch|figi) (?:li |mwen )?(?:kwochi|de kote|tonbe)\b|\bpa ka pale\b"),
        Rule("pedi konesans", r"\b(?:endispoze|pedi konesans|san konesans|tonbe san konesans|pa reveye)\b"),
        Rule("konvilsyon", r"\bkonvilsyon\b|\bkriz (?:malkadi|epilepsi)\b"),
        Rule("senyen anpil", r"\bsenyen anpil\b|\bpedi anpil san\b|\bsan (?:ap|pa) (?:koule|sispann)\b"),
        Rule("alèji", r"\b(?:gonfle|anfle) (?:lang|bouch|gagann|figi)\b"),
    ),
    emergency_mental_health=(
        Rule("swisid", r"\b(?:touye tet (?:mwen|li)|swisid|(?:mwen|li) vle mouri|pa vle viv anko|fe tet (?:mwen|li) mal)\b"),
    ),
    safety_net=(
        NetClass("medical", "choking with a blocked airway", terms=(r"\b(?:toufe|trangle|bloke nan gòj|bloke nan goj)\b",),
                 cues=(r"\b(?:pa ka (?:pale|touse|respire))\b|\b(?:vin ble|ap vin ble|vin mov)\b",), window=80),
        NetClass("medical", "gut bleeding with weakness", terms=(
            r"\b(?:vomi|vonmi|rann)\b(?:\W+\w+){0,2}?\W+san\b|\b(?:poupou|watè|wate) (?:\w+ )?nwa\b",
        ), cues=(
            r"\b(?:feb|fèb|toudi|endispoze|pal|tonbe|reponn|pale|depi|anpil)\b",
        ), window=200),
        NetClass("mental_health", "threat against the texter", terms=(
            r"\b(?:touye|kout kouto|tire sou) (?:m|mwen|nou)\b",
        ), cues=(r"\b(?:kouto|zam|revolve|kache|fèmen|femen|sou|bwe)\b",), window=160),
        NetClass("medical", "allergen with a systemic reaction (ht)", terms=(
            r"\b(?:aleji\w*|kribich|chevret|pistach|manba|myel|gep|pike|piki|pikire|vaksen|pran yon medikaman)\b",
        ), cues=(
            r"\b(?:figi|po bouch|bouch|lang|je|gòj|goj|gòjèt|gojet) (?:\w+ ){0,2}(?:anfle|gonfle|enfle)\b|"
            r"\b(?:anfle|gonfle|enfle) (?:figi|bouch|lang|je)\b|\b(?:pa ka|pakab|paka|difisil pou) respire\b|"
            r"\btout ko\w*\b|\btoupatou\b|\bendispoze\b|\bvomi\w*\b|\bsoufle\b",
        ), window=200),
        NetClass("mental_health", "high place near despair or farewell", terms=(
            r"\b(?:sou|anwo) (?:pon|do kay|tet kay|bilding|falez)\b",
        ), cues=(
            r"\b(?:pa ka|pa kapab|pa kab) (?:ankò|anko|kontinye|sipote)|orevwa|mesi pou tout|padon|sote\b",
        ), window=200),
        NetClass("mental_health", "hopeless", terms=(
            r"\bfini ak (?:lavi|vi) (?:m|mwen|li)\b|\btouye tet (?:mwen|m|li)\b|\b(?:m|mwen|li) vle mouri\b",
            r"\bpa (?:ka|kapab|kab) kontinye\b|\bpa vle viv\b|\bpann tet (?:mwen|m|li)\b",
        )),
        NetClass("mental_health", "means near intent", terms=(r"\bsote (?:sou|nan|soti sou) (?:pon|bilding|tet kay)\b",),
                 cues=(r"\b(?:vle|pral|ap|di|te di)\b",)),
        NetClass("medical", "sick child with a red flag", terms=(r"\blafyev\b",),
                 cues=(r"\bpa (?:vle )?(?:tete|manje|reveye|reyaji)\b|\bmou\b|\bdomi anpil\b",),
                 also=(r"\b(?:ti bebe|bebe|pitit|\d+ (?:mwa|semen|jou))\b",)),
        NetClass("medical", "infant under three months with fever", terms=(r"\blafyev\b",),
                 cues=(r"\b(?:[12]|de|yon) mwa\b|\b\d+ (?:semen|jou)\b",)),
    ),
    resolved=(r"\bane pase\b|\bli (?:byen|pi byen) kounye a\b",),
    negations=(r"\b(?:pa|san)\b",),
    symptoms=(Rule("sentom", r"\b(?:lafyev|fyev|tous|(?<!vaksen )(?<!vaksin )grip|doule|fe m mal|vomi|dyare|vant fe m mal|tet fe m mal|gratel|anflamasyon)\b"),),
    clinical_questions=(
        r"\beske (?:m|mwen) dwe (?:mennen|vini|ale|pran)\b",
        r"\beske (?:m|mwen) (?:bezwen|dwe) (?:vini|ale) (?:we|kay) (?:dokte|dokte a)\b|\beske (?:m|mwen) ka (?:pran|ba l|bay)\b|"
        r"\bsa (?:ok|bon|nomal)\s*\?",
    ),
    opt_out=(
        r"\b(?:sispann|sispan|rete|kanpe) voye (?:mesaj|tex|tekst)\b",
        r"\bpa voye (?:mesaj|tex|tekst) (?:ban|pou|ba) mwen\b",
        r"\bmwen pa vle (?:resevwa )?(?:mesaj|tex|tekst)\b",
        r"\bretire (?:nimewo mwen|mwen)\b",
    ),
    # Added for issue 12 (round 2): a question about one's own visit, polite complaints.
    appointment_status=(
        r"\brandevou (?:mwen|m|pitit mwen|nou)\b(?:\W+\w+){0,6}?\W+(?:a ki le|ki le|kibo|ki kote|toujou|kanpe)\b",
        r"\ba ki le randevou\b",
    ),
    upset=(
        r"\b(?:fache|pa kontan|pa satisfe|dezapwente|pesonn pa (?:reponn|rele|di)|san nou pa di m|(?:twazyem|katriyem|dezyem) fwa|pou gremesi|se pa jwet)\b",
    ),
    wants_manager=(
        r"\b(?:manadje|sipevize|plent)\b",
    ),
    # A form, portal or video link that fails: a person must act (queue rule 9).
    needs_person=(r"\bpa (?:mache|louvri|ka antre|aksepte)\b|\btoujou di\b|\bere\b",),
    intents=(
        # Round 2 (issue 12): the everyday words for these needs, so they are not filed as other.
        IntentRules(Intent.WRONG_NUMBER, strong=(r"\bmove nimewo\b|\bmal nimewo\b|\bmwen pa konnen ki moun (?:nou|w) ap chache\b",)),
        IntentRules(Intent.RECORDS, strong=(r"\bdosye (?:medikal|mwen)\b|\bkopi (?:tout )?dosye\b",)),
        IntentRules(Intent.PORTAL, strong=(r"\bpotay (?:pasyan|la)\b|\bmodpas\b",)),
        IntentRules(Intent.RESCHEDULE, strong=(r"\bchanje l (?:pou|a)\b",)),
        IntentRules(Intent.REFERRAL, strong=(r"\breferans\b|\bre?feral\b",)),
        IntentRules(Intent.TELEHEALTH, weak=(r"\blyen\b|\bvideyo\b",)),
        IntentRules(Intent.HELP, strong=(
            r"\bki moun ki (?:voye|ekri|rele)\b",
            r"\bki moun (?:sa a|sa|ou ye|nou ye|k ap ekri)\b|\bkiyes (?:ou|nou) ye\b|\bkiyes sa(?: a)?\b|\bki moun ki rele m\b|\bpoukisa (?:m|mwen) (?:ap )?(?:resevwa|jwenn) (?:mesaj|tex)\b",
        )),
        IntentRules(Intent.RESCHEDULE, strong=(r"\bchanje (?:dat |le |lè )?randevou\b",)),
        IntentRules(Intent.CANCEL, strong=(r"\banile\b",)),
        IntentRules(Intent.BILLING, strong=(r"\bbodwo\b|\bfakti\b",)),
        IntentRules(Intent.SCHEDULE, strong=(r"\brandevou\b",)),
        IntentRules(Intent.TEST_RESULTS, strong=(r"\brezilta\b",)),
        IntentRules(Intent.REFILL, strong=(r"\b(?:preskripsyon|renouvle|renmet) (?:medikaman|grenn)?\b",)),
        IntentRules(Intent.LANGUAGE, strong=(r"\ban kreyol\b|\bkreyol (?:tanpri|souple|silvouple|please)\b",)),
        IntentRules(Intent.THANKS, weak=(r"\bmesi\b",)),
    ),
    confirm_words=frozenset({"wi", "dakò", "dako"}),
    done_words=frozenset({"fini", "m fini", "mwen fini", "mwen fin ranpli", "m fin ranpli"}),
    opt_in=(r"\bvle resevwa mesaj (?:yo )?anko\b|\brekomanse voye (?:mesaj|tex)\b",),
)

# --- BEGIN emergency concepts (flows/triage/concepts.py) --------------------------------------
CONCEPT_NUMBERS = {
    "youn": 1, "twa": 3, "kat": 4, "senk": 5, "sis": 6, "set": 7, "uit": 8,
    "nef": 9, "dis": 10, "ven": 20, "trant": 30,
}
CONCEPT_TERMS = {
    "day": (r"jou\b",),
    "week": (r"semen\b",),
    "month": (r"mwa\b",),
    "year": (r"an\b", r"lane\b"),
    "duration_before": (r"\b(?:depi|pandan|gen)\s+(?:\w+\s+)?$",),
    "duration_after": (r"^\W*(?:de sa|konsa)\b",),
    "age_marker": (r"\b(?:gen|ki gen)\b", r"\bfek fet\b"),
    "child": (r"\b(?:bebe|pitit|timoun|ti moun|tibebe|ti bebe)\b",),
    "newborn": (r"\b(?:fek fet|tibebe ki fek fet|nouvo ne)\b",),
    "fever": (r"\b(?:lafyev|fyev|gwo lafyev|cho anpil)\b",),
    "temp_label": (r"\b(?:tanperati|temperati|tèmomèt|temomet)\b",),
    "lethargy": (r"\b(?:pa vle (?:bwe|tete)|li pa reveye|difisil pou reveye|mou net|fèb net|feb net|kase)\b",),
    "bleed": (r"\b(?:senyen|san an|san ap koule|pedi san)\b",),
    "nonstop": (r"\b(?:pa (?:vle )?(?:sispann|kanpe|rete)|anpil|toujou ap)\b",),
    "pregnant": (r"\b(?:ansent|gwoses)\b",),
    "late_pregnancy": (r"\b(?:dat akouchman|denye trimes)\b",),
    "gestation_week": (),
    "fetal_movement": (r"\b(?:bouje|deplase|choute|mouvman)\b",),
    "reduced": (r"\b(?:pa|sispann|mwens|pa menm)\b",),
    "fetal_movement_reduced": (r"\bpa santi (?:ti )?(?:bebe|pitit) (?:a )?(?:bouje|deplase)\b",),
    "preeclampsia": (r"\bgwo tet fe mal\b|\btet (?:mwen )?fe (?:m )?mal anpil\b|\bje (?:m )?twoub\b",),
    "face_droop": (r"\b(?:bouch|figi)\b(?:\W+\w+){0,3}?\W+(?:kwochi|tonbe|de travè|de trave)\b",),
    "arm_weak": (r"\b(?:pa ka (?:leve|bouje) bra|bra (?:li )?(?:fèb|feb|mouri|angoudi))\b",),
    "speech_slurred": (r"\b(?:pa ka pale (?:byen)?|pale (?:lou|mele|pa klè|pa kle))\b",),
    "sudden": (r"\b(?:toudenkou|sibitman|bridsoukou)\b",),
    "cant_finish_sentence": (r"\bpa ka fini (?:yon )?fraz\b",),
    "breath_severe": (r"\b(?:pa ka respire|difikilte pou respire|souf kout|manke souf)\b",),
    "lips": (r"\b(?:po bouch|bouch|figi|zong)\b",),
    "blue": (r"\b(?:ble|vyolet|mov)\b",),
    "chest_pain": (r"\bdoule (?:\w+ )?(?:nan )?pwatrin\b|\bpwatrin (?:mwen )?(?:fe (?:m )?mal|sere)\b",),
    "chest_danger": (r"\b(?:bra goch|bra|machwa|do|swe|transpire|tet vire|kè plen|ke plen)\b",),
    "ingest": (r"\b(?:bwe|vale|manje|pran)\b",),
    "pill_unit": (r"\b(?:grenn|konprime|kapsil)\b",),
    "poison": (r"\b(?:klowoks|javel|pwazon|grenn rat|gazolin)\b",),
    "suicidal": (r"\b(?:pa vle viv anko|touye tet (?:mwen|m)|vle mouri|swisid)\b",),
    "swelling": (r"\b(?:anfle|gonfle)\b",),
    "airway": (r"\b(?:gòj|goj|lang)\b",),
    "face_part": (r"\b(?:po bouch|figi|je)\b",),
    "allergen": (r"\b(?:pistach|nwa|kribich|fwi de me|myel|gep|pike|alèji|aleji|antibyotik|piki|manje)\b",),
    "hypothetical": (r"\b(?:kisa|sa) pou (?:m|mwen|nou) fe si\b|\bsi (?:li|yo) ta\b",),
    "happening_now": (r"\b(?:kounye a|kounya|la a menm)\b",),
    "dosing_routine": (r"\b(?:chak jou|pa jou|chak mwa|preskripsyon|rete)\b",),
    "hyperbole": (r"\bm ap mouri (?:ri|grangou|fatig|anbete)\b",),
}
# --- END emergency concepts -------------------------------------------------------------------
