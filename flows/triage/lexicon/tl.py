"""Tagalog (Filipino) triage word lists, including the Taglish texting mix."""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule
from flows.types import Intent

LEXICON = Lexicon(
    lang="tl",
    markers=frozenset(
        {
            "po", "ang", "ng", "mga", "sa", "ko", "ako", "pwede", "puwede", "salamat", "yung",
            "naman", "lang", "kasi", "nang", "ba", "siya", "sya", "hindi", "opo", "kayo", "namin",
            "natin", "ninyo", "wala", "may", "na", "pa", "akong", "niya", "nya", "ito",
            "iyan", "dito", "doon", "ano", "paano", "bakit", "kailan", "magkano", "gusto", "din",
            "rin", "talaga", "pasok", "babayaran", "natatanggap", "noong", "lunes", "bang",
        }
    ),
    strong_markers=frozenset(
        {"po", "ng", "mga", "salamat", "pwede", "puwede", "yung", "opo", "hindi", "naman", "kasi",
         "ako", "ang", "magkano", "paano", "gusto", "bang", "akong", "nya", "niya"}
    ),
    emergency_medical=(
        Rule("sakit sa dibdib", r"\b(?:masakit|sakit|kirot|sumasakit|naninikip|paninikip)\b{gap}dibdib\b|\bdibdib\b{gap}(?:masakit|sumasakit|kumikirot|naninikip|sikip)"),
        Rule("hindi makahinga", r"\b(?:hindi|di) (?:ako |siya |sya |po )?makahinga\b|\bhirap (?:huminga|sa paghinga)\b|\bkinakapos (?:ng|sa) hininga\b"),
        Rule("stroke", r"\btabingi (?:ang )?(?:mukha|bibig)\b|\b(?:hindi|di) (?:makapagsalita|makagalaw)\b|\bmanhid ang (?:kalahati|isang)\b"),
        Rule("nahimatay", r"\b(?:nahimatay|hinimatay|walang malay|nawalan ng malay|hindi magising|ayaw magising)\b"),
        Rule("kombulsyon", r"\b(?:nangingisay|kumbulsyon|kombulsyon|kinukumbulsyon)\b"),
        Rule("pagdurugo", r"\bdumudugo\b{gap}(?:malakas|marami|hindi tumitigil|ayaw tumigil)|\b(?:hindi|ayaw) tumitigil ang (?:pagdurugo|dugo)\b"),
        Rule("allergy", r"\bnamamaga (?:ang )?(?:lalamunan|labi|dila|mukha)\b"),
    ),
    emergency_mental_health=(
        Rule("ayaw mabuhay", r"\b(?:ayoko|ayaw ko|ayaw ko) na (?:po )?(?:\w+ )?(?:mabuhay|mag-?buhay)\b|\bgusto ko na (?:pong )?mamatay\b"),
        Rule("magpakamatay", r"\b(?:magpakamatay|nagpakamatay|patayin ang sarili|magpapakamatay|gusto (?:ko |niya |nya )?(?:nang|na|niyang|nyang) mamatay|(?:ayoko|ayaw ko|ayaw niya|ayaw nya|ayaw na niyang|ayaw na nyang) (?:nang|na)? ?mabuhay|saktan ang sarili)\b"),
    ),
    safety_net=(
        NetClass("medical", "choking with a blocked airway", terms=(r"\b(?:nabulunan|nabilaukan|nasamid|bulunan)\b",),
                 cues=(r"\b(?:hindi|di) (?:makapagsalita|makaubo|makahinga)\b|\b(?:nangingitim|nagiging (?:asul|violet|kulay ube))\b",),
                 window=80),
        NetClass("mental_health", "threat against the texter", terms=(
            r"\bpapatayin (?:\w+ )?(?:ako|kami)\b|\bpatayin (?:ako|kami)\b",
        ), cues=(r"\b(?:kutsilyo|baril|itak|nagtatago|nakatago|nakakandado|lasing)\b",), window=160),
        NetClass("medical", "gut bleeding with weakness", terms=(
            r"\b(?:nagsusuka|sumuka|suka) (?:ng |nang )?dugo\b|\b(?:itim|maitim) (?:na )?(?:dumi|tae)\b",
        ), cues=(r"\b(?:mahina|nanghihina|nahihilo|hinimatay|maputla|hindi sumasagot|kanina pa|marami)\b",),
            window=200),
        NetClass("medical", "allergen with a systemic reaction (tl)", terms=(
            r"\b(?:allergy|allergic|alerdyi|allergies|hipon|sugpo|alimango|seafood|mani|bubuyog|putakti|"
            r"kinagat|natusok|tinurukan|bakuna|gamot)\b",
        ), cues=(
            r"\b(?:namamaga|namaga|maga|lumaki) (?:ang )?(?:mukha|labi|dila|lalamunan|mata)\b|\b(?:mukha|labi|dila|mata)"
            r"(?: niya| nya| ko)? (?:ay )?(?:namamaga|namaga|maga)\b|\bhirap (?:huminga|sa paghinga)\b|"
            r"\b(?:hindi|di) (?:siya |sya |ako )?makahinga\b|\bbuong katawan\b|\bnahihilo\b|\bnahimatay\b|\bsumusuka\b",
        ), window=200),
        NetClass("mental_health", "high place near despair or farewell", terms=(
            r"\b(?:nasa|sa ibabaw ng|nakatayo sa) (?:tulay|bubong|rooftop|building|gusali|bangin|riles)\b",
        ), cues=(
            r"\b(?:(?:hindi|di) ko na (?:po )?kaya|paalam|salamat sa lahat|pasensya|patawad|tatalon|huling)\b",
        ), window=200),
        NetClass("mental_health", "hopeless", terms=(
            r"\b(?:ayoko|ayaw ko|ayaw niya|ayaw nya|ayaw na niya|ayaw na nya)(?: na)?(?: po)?(?: nang| na)? mabuhay\b",
            r"\bwala (?:nang|na) (?:saysay|silbi|dahilan) (?:ang )?(?:buhay|mabuhay|para mabuhay)\b",
            r"\b(?:magbigti|bibigti|nagbigti|wakasan (?:ang )?(?:aking |kanyang |ko ang )?buhay|papatayin (?:ko|niya) ang sarili)\b",
            # Sleep and never wake up.
            r"\bmatulog (?:na )?(?:lang )?(?:at|tapos) (?:hindi|di) na (?:magising|gumising)\b",
            r"\b(?:sana|gusto ko) (?:na )?(?:lang )?(?:hindi|di) na (?:ako )?(?:magising|gumising)\b",
        )),
        NetClass("mental_health", "passive ideation with burden or farewell", terms=(
            r"\b(?:hindi|di) ko na (?:po )?kaya\b|\bpagod na (?:pagod )?(?:na )?ako\b|\bpabigat (?:lang )?ako\b",
        ), cues=(r"\b(?:mamatay|magising|mabuhay|paalam|patawad|pabigat|wala nang saysay)\b",), window=200),
        NetClass("medical", "venomous bite or sting", terms=(r"\b(?:ahas|alakdan)\b",),
                 cues=(r"\b(?:kinagat|nakagat|tuka|tinuka|kagat)\b",), window=60),
        NetClass("medical", "injury with a danger sign", terms=(r"\b(?:naaksidente|aksidente|nabangga|nasagasaan|nahulog)\b",),
                 cues=(r"\b(?:(?:hindi|di) (?:po )?(?:siya |sya )?(?:gumagalaw|makagalaw|sumasagot)|dumudugo|dugo|walang malay|ulo|leeg)\b",)),
        NetClass("mental_health", "means near intent", terms=(r"\btatalon\b(?:\W+\w+){0,3}?\W+(?:tulay|building|gusali|bubong)\b",),
                 cues=(r"\b(?:gusto|sabi|daw|balak|ngayong gabi|mamaya)\b",)),
    ),
    resolved=(r"\b(?:noong isang taon|nakaraang taon|okay na (?:po )?(?:siya|ako|sya))\b",),
    negations=(r"\b(?:hindi|di|wala|walang)\b",),
    symptoms=(Rule("sintomas", r"\b(?:masakit|sakit|lagnat|ubo|sipon|nahihilo|pagtatae|suka|pantal|namamaga)\b"),),
    opt_out=(
        r"\b(?:huwag|wag) (?:na )?(?:po )?(?:nyo|ninyo|kayong|kayo|mo)? ?(?:na )?(?:akong |ako )?(?:i-?text|mag-?text|padalhan|itext)\b",
        # The same with its courtesy words in another order: "wag nyo na po ako i-text".
        r"\b(?:huwag|wag)(?: (?:na|po|nyo|ninyo|kayo|mo|ako|akong)){1,5} (?:i-?text|mag-?text|padalhan|itext|tine-?text)\b",
        r"\b(?:tigil\w*|itigil) (?:na )?(?:po )?(?:ang )?(?:mga )?(?:pag-?text|text|mensahe)\b",
        r"\bayoko (?:na )?(?:po )?(?:ng|ng mga) (?:text|mensahe)\b",
    ),
    # Added for issue 12 (round 2): a question about one's own visit, polite complaints.
    appointment_status=(
        r"\b(?:appointment|sched|schedule|check ?up) (?:ko|namin|nya|niya|natin)\b(?:\W+\w+){0,5}?\W+(?:tuloy pa|tuloy ba|anong oras|ano(?:ng)? oras|saan)\b",
        r"\banong oras (?:po )?(?:ba )?(?:ang|yung|ung) (?:appointment|sched|check ?up)\b",
        r"\btuloy pa (?:po )?(?:ba|po) (?:ang|yung|ung) (?:appointment|sched|check ?up)\b",
        r"\bmay (?:appointment|sched|schedule|check ?up) (?:po )?(?:ba )?(?:ako|kami|siya|sya)\b",
    ),
    upset=(
        r"\b(?:walang (?:sumasagot|sumagot|tumatawag|tumawag|nagrereply|nag-?reply|reply|pumapansin)|hindi (?:po )?(?:kayo|nyo|ninyo) (?:sumasagot|sumagot|tumawag|nagrereply)|ilang beses na|(?:\d+|dalawang|tatlong|apat na) beses na|bastos|ang sungit|masungit|nakakainis|nakakadismaya|dismayado|hindi (?:po )?ako (?:natuwa|masaya|satisfied)|may tao (?:po )?ba)\b",
    ),
    wants_manager=(
        r"\b(?:magreklamo|reklamo)\b",
    ),
    # A form, portal or video link that fails: a person must act (queue rule 9).
    needs_person=(r"\berror\b|\bayaw (?:po )?(?:gumana|mag-?load|pumasok|ma-?upload)\b|\bhindi (?:po )?(?:gumagana|ma-?upload|makapasok|mabuksan)\b",),
    intents=(
        # Round 2 (issue 12): the everyday words for these needs, so they are not filed as other.
        IntentRules(Intent.WRONG_NUMBER, strong=(r"\bmali (?:po )?(?:yata |ata )?(?:po )?(?:yung |ang |ung )?(?:number|numero)\b|\bhindi (?:po )?ako si\b",)),
        IntentRules(Intent.RECORDS, strong=(r"\bmedical records?\b|\brekord\b|\bkopya ng (?:medical|records?|rekord)\b",)),
        IntentRules(Intent.RESCHEDULE, strong=(r"\bma-?resched\w*|\bpa-?resched\w*|\bi-?resched\w*|\bilipat (?:po )?(?:ang|yung|ung) (?:appointment|sched|schedule)\b",)),
        IntentRules(Intent.HELP, strong=(
            r"^\W*ano (?:po )?(?:ito|to|yan)\W*$|\bsino (?:po )?ang (?:nag-?text|nagtext|nagpadala)\b",
            r"\bsino (?:po )?(?:ito|to|ka|kayo|sila)\b|\bkanino (?:pong |po )?(?:number|numero) (?:ito|to)\b|\bbakit (?:po )?(?:ako|ko) (?:\w+ ){0,2}?(?:nakakatanggap|natanggap|tumatanggap|nakakareceive|nagrereceive|tine-?text|tinetext)\b",
        )),
        IntentRules(Intent.LANGUAGE, strong=(
            r"\b(?:tagalog|filipino)(?: na lang| lang| po| sana| please)\b|\b(?:sa|mag-?) ?tagalog\b",
        )),
        IntentRules(Intent.RESCHEDULE, strong=(r"\bi-?move\b|\bilipat\b|\bpalitan (?:ang )?(?:schedule|appointment|oras|petsa)\b",)),
        IntentRules(Intent.CANCEL, strong=(r"\bi-?cancel\b|\bkanselahin\b",)),
        IntentRules(Intent.SCHEDULE, strong=(r"\bmagpa-?(?:schedule|appointment|konsulta|check ?up)\b",)),
        IntentRules(Intent.TEST_RESULTS, strong=(r"\bresulta\b",)),
        IntentRules(Intent.REFILL, strong=(r"\breseta\b",)),
        IntentRules(Intent.BILLING, strong=(r"\b(?:magkano|babayaran|bayad|bayarin)\b",)),
        IntentRules(Intent.CONFIRM, weak=(r"\b(?:pupunta po|pupunta ako|darating po)\b",)),
        IntentRules(Intent.THANKS, weak=(r"\bsalamat\b",)),
    ),
    confirm_words=frozenset({"opo", "oo", "sige"}),
    done_words=frozenset({"tapos na", "tapos na po", "nasagutan ko na", "nafill up ko na", "na-fill up ko na"}),
)

# --- BEGIN emergency concepts (flows/triage/concepts.py) --------------------------------------
CONCEPT_NUMBERS = {
    "isa": 1, "isang": 1, "dalawa": 2, "dalawang": 2, "tatlo": 3, "tatlong": 3, "apat": 4,
    "lima": 5, "limang": 5, "anim": 6, "pito": 7, "walo": 8, "siyam": 9, "sampu": 10,
    "sampung": 10, "dalawampu": 20,
}
CONCEPT_TERMS = {
    "day": (r"araw\b",),
    "week": (r"linggo\b",),
    "month": (r"buwan\b",),
    "year": (r"taon\b", r"taong gulang\b"),
    "duration_before": (r"\b(?:mga|ng|nang|sa loob ng|mula)\s+(?:\w+\s+)?$",),
    "duration_after": (r"^\W*(?:na (?:ang|siyang)|nang|ng tuloy)\b",),
    "age_marker": (r"\b(?:gulang|pa lang|pa lamang|palang)\b",),
    "child": (r"\b(?:baby|anak|sanggol|bata|apo|bunso)\b",),
    "newborn": (r"\b(?:bagong (?:panganak|silang)|kapapanganak|newborn)\b",),
    "fever": (r"\b(?:lagnat|nilalagnat|inaapoy|mainit na mainit)\b",),
    "temp_label": (r"\b(?:temperatura|thermometer|temp)\b",),
    "lethargy": (r"\b(?:lupaypay|matamlay|malata|nanghihina|ayaw (?:uminom|dumede|magising)|hindi (?:magising|dumedede|umiinom)|mahirap gisingin|tulog nang tulog)\b",),
    "bleed": (r"\b(?:dumudugo|nagdudugo|dugo|pagdurugo)\b",),
    "nonstop": (r"\b(?:ayaw (?:tumigil|huminto|maampat)|hindi (?:tumitigil|huminto|maampat|maawat|mapigil)|tuloy[- ]tuloy|sobrang dami|ang dami|marami)\b",),
    "pregnant": (r"\b(?:buntis|nagbubuntis|pagbubuntis)\b",),
    "late_pregnancy": (r"\b(?:kabuwanan|ikatlong trimester|third trimester|due date)\b",),
    "gestation_week": (),
    "fetal_movement": (r"\b(?:galaw|gumagalaw|sipa|sumisipa|gumalaw)\b",),
    "reduced": (r"\b(?:hindi|di|wala|walang|bihira|kaunti|konti|tumigil|huminto)\b",),
    "fetal_movement_reduced": (r"\bhindi (?:ko )?(?:na )?(?:maramdaman|nararamdaman) ang (?:galaw|sipa)\b",),
    "preeclampsia": (r"\bsobrang sakit ng ulo\b|\bmatinding sakit ng ulo\b|\b(?:malabo|lumalabo) (?:ang )?(?:paningin|mata)\b",),
    "face_droop": (r"\b(?:tumabingi|ngumiwi|bumagsak|lumaylay)\b{gap}(?:mukha|bibig|labi)\b|\b(?:mukha|bibig)\b{gap}(?:tabingi|ngiwi|nakalaylay)\b",),
    "arm_weak": (r"\b(?:hindi (?:maigalaw|maitaas|magalaw))\b{gap}(?:braso|kamay|binti)\b|\b(?:braso|kamay|binti)\b{gap}(?:manhid|mahina|hindi maigalaw)\b",),
    "speech_slurred": (r"\b(?:hindi (?:siya )?(?:makapagsalita|makausap)|bulol|utal|malabo (?:magsalita|ang salita))\b",),
    "sudden": (r"\b(?:biglang|bigla|biglaan)\b",),
    "cant_finish_sentence": (r"\bhindi (?:makapagsalita|makabuo ng pangungusap)\b{gap}(?:hingal|hinga)\w*",),
    "breath_severe": (r"\b(?:hirap (?:na )?(?:huminga|makahinga)|hindi makahinga|hinihingal)\b",),
    "lips": (r"\b(?:labi|bibig|mukha|kuko)\b",),
    "blue": (r"\b(?:nangingitim|nangangitim|kulay ube|violet|asul|nangangasul|namumutla)\b",),
    "chest_pain": (r"\b(?:masakit|sumasakit|kumikirot|naninikip|mabigat)\b{gap}dibdib\b|\bdibdib\b{gap}(?:masakit|sumasakit|naninikip)\b|\bsakit (?:ng|sa) dibdib\b",),
    "chest_danger": (r"\b(?:pinagpapawisan|pawis|nakadagan|braso|panga|likod|nahihilo|hirap huminga|kaliwang)\b",),
    "ingest": (r"\b(?:uminom|ininom|lumunok|nilunok|kumain|kinain)\b",),
    "pill_unit": (r"\b(?:tableta|tabletas|pills?|kapsula|gamot)\b",),
    "poison": (r"\b(?:zonrox|bleach|lason|muriatic|gaas|pesticide|baterya)\b",),
    "suicidal": (r"\b(?:ayoko (?:na )?(?:mabuhay|mabuhay pa)|magpakamatay|papatayin ko (?:ang )?sarili|gusto ko (?:nang )?mamatay|wakasan ang buhay)\b",),
    "swelling": (r"\b(?:namamaga|maga|namaga|lumalaki|sumisikip)\b",),
    "airway": (r"\b(?:lalamunan|dila)\b",),
    "face_part": (r"\b(?:labi|mukha|mata)\b",),
    "allergen": (r"\b(?:mani|hipon|alimango|seafood|bubuyog|putakti|kinagat|antibiotic|allergy|allergic|kumain)\b",),
    "hypothetical": (r"\b(?:ano ang|anong) (?:dapat|gagawin)\b.{0,40}\bkung\b|\bpaano kung\b|\bkung sakaling\b",),
    "happening_now": (r"\b(?:ngayon|ngayon mismo|kasalukuyan)\b",),
    "dosing_routine": (r"\b(?:araw[- ]araw|kada araw|isang araw|reseta|natitira)\b",),
    "hyperbole": (r"\bmamamatay (?:na )?(?:ako )?sa (?:inip|gutom|tawa|hiya|pagod)\b",),
}
# --- END emergency concepts -------------------------------------------------------------------
