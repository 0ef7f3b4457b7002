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
    opt_out=(
        r"\b(?:sispann|sispan|rete|kanpe) voye (?:mesaj|tex|tekst)\b",
        r"\bpa voye (?:mesaj|tex|tekst) (?:ban|pou|ba) mwen\b",
        r"\bmwen pa vle (?:resevwa )?(?:mesaj|tex|tekst)\b",
        r"\bretire (?:nimewo mwen|mwen)\b",
    ),
    intents=(
        IntentRules(Intent.RESCHEDULE, strong=(r"\bchanje (?:dat |le |lè )?randevou\b",)),
        IntentRules(Intent.CANCEL, strong=(r"\banile\b",)),
        IntentRules(Intent.SCHEDULE, strong=(r"\brandevou\b",)),
        IntentRules(Intent.TEST_RESULTS, strong=(r"\brezilta\b",)),
        IntentRules(Intent.REFILL, strong=(r"\b(?:preskripsyon|renouvle|renmet) (?:medikaman|grenn)?\b",)),
        IntentRules(Intent.LANGUAGE, strong=(r"\ban kreyol\b",)),
        IntentRules(Intent.THANKS, weak=(r"\bmesi\b",)),
    ),
    confirm_words=frozenset({"wi", "dakò", "dako"}),
)
