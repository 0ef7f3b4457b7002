"""Vietnamese triage word lists, written without diacritics (matching strips them).

Texts arrive both with diacritics ("đau ngực") and without ("dau nguc"); normalisation removes
them, so one unaccented pattern covers both.
"""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule
from flows.types import Intent

LEXICON = Lexicon(
    lang="vi",
    markers=frozenset(
        {
            "toi", "khong", "duoc", "cua", "roi", "nha", "thuoc", "cam", "giup", "lam", "sao",
            "nhieu", "lich", "kham", "oi", "vay", "ngay", "gio", "xin", "voi", "nay", "hen", "bac",
            "dau", "nguc", "tho", "muon", "lay", "them", "het", "sap", "gui", "toa", "duong",
            "minh", "nhe", "benh", "vien", "dang", "nhung", "chua", "bao", "nhau",
        }
    ),
    strong_markers=frozenset(
        {"toi", "khong", "duoc", "roi", "thuoc", "giup", "nhieu", "kham", "nguc", "bac", "nhe",
         "minh", "benh", "muon", "toa", "sap"}
    ),
    emergency_medical=(
        Rule("dau nguc", r"\b(?:dau|tuc|nang|that|ep|nhoi) nguc\b|\bnguc\b{gap}(?:dau|tuc|that)\b"),
        Rule("moi tim", r"\b(?:moi|mat|da|mong tay)\b{gap}(?:tim|tai xanh|xanh tim)\b"),
        Rule("kho tho", r"\bkho (?:tho|though)\b|\btho (?:rat |qua |hoi |that |cung )?kho\b|\btho khong (?:noi|duoc|ra)\b|\bkhong tho (?:duoc|noi)\b|\bngop tho\b|\bhut hoi\b"),
        Rule("dot quy", r"\bdot quy\b|\btai bien\b|\bmeo (?:mieng|mat)\b|\bnoi ngong\b|\bnoi khong ro\b|\bliet (?:nua nguoi|mot ben)\b|\byeu mot ben\b"),
        # Face, speech and one-sided weakness, in either word order ("mieng meo qua mot ben",
        # "noi nang lap bap", "tay trai khong cam duoc").
        Rule("dot quy", r"\b(?:mieng|mat|moi|mom)\b(?: (?:bi|hoi|tu nhien|lech))?(?: \w+)? (?:meo|xe|lech|tre)\b|\blech (?:mieng|mat|mot ben)\b"),
        Rule("dot quy", r"\blap bap\b|\bnoi (?:nang )?(?:ngong|lo|dot|khong ra (?:tieng|loi)|kho khan|khong noi duoc)\b|\bkhong noi (?:duoc|ra) (?:loi|tieng|cau)\b|\bnoi (?:khong|chang) (?:ai )?hieu\b"),
        Rule("dot quy", r"\b(?:(?:tay|chan) (?:trai|phai)|nua nguoi|mot ben|ben (?:trai|phai))\b(?: (?!khong\b)\w+){0,2}? (?:te|yeu|liet|bai|mat cam giac|khong (?:cam|nhac|cu dong|di chuyen|dung|nang|co) ?(?:duoc|noi|len)?)\b"),
        Rule("dot quy", r"\b(?:yeu|liet|te) (?:nua nguoi|mot ben|ben (?:trai|phai)|(?:tay|chan) (?:trai|phai))\b"),
        Rule("dot quy", r"\bte (?:nua|mot ben|ben (?:trai|phai)|tay|chan|mat)\b|\bmat thang bang\b|\bmat (?:bi )?(?:lech|meo)\b"),
        Rule("bat tinh", r"\bbat tinh\b|\bngat xiu\b|\bbi ngat\b|\bxiu\b|\bhon me\b|\bkhong tinh\b|\bkhong (?:phan ung|day)\b"),
        Rule("co giat", r"\bco giat\b|\bdong kinh\b"),
        Rule("chay mau", r"\bchay mau (?:nhieu|khong (?:ngung|cam|ngung))\b|\bbang huyet\b|\b(?:oi|non) ra mau\b"),
        Rule("soc phan ve", r"\b(?:sung|phu) (?:moi|luoi|hong|mat)\b|\bhong (?:bi )?(?:nghen|sung|that)\b|\bsoc phan ve\b"),
        Rule("qua lieu", r"\bqua lieu\b|\buong (?:het|nhieu) thuoc\b"),
        Rule("ran can", r"\bbi ran (?:doc )?can\b|\bran doc can\b|\bran can (?:o|vao|vo)\b|\bbo cap (?:can|chich)\b"),
        Rule("dau dau du doi", r"\bdau dau du doi\b|\bdau dau (?:nhat|kinh khung)\b"),
    ),
    emergency_mental_health=(
        Rule("tu tu", r"\btu (?:tu|sat)\b|\bmuon chet\b|\bkhong muon song\b|\bket thuc cuoc doi\b"),
        Rule("tu tu", r"\b(?:ngu|ngu luon) (?:ma |roi )?khong (?:bao gio )?(?:thuc|day|tinh) (?:day|lai)?\b|\bkhong muon (?:thuc|tinh) day\b"),
        Rule("tu hai", r"\b(?:tu )?lam hai ban than\b|\bgiet (?:minh|ban than)\b|\brach tay\b"),
    ),
    safety_net=(
        NetClass("medical", "choking with a blocked airway", terms=(r"\b(?:bi )?(?:nghen|hoc)\b",),
                 cues=(r"\bkhong (?:noi|ho|tho) (?:duoc|dc)\b|\btim tai\b|\bmoi tim\b|\bmat tim\b",), window=80),
        NetClass("mental_health", "threat against the texter", terms=(
            r"\b(?:giet|dam|chem) (?:toi|em|chau|con|chung toi|me con)\b",
        ), cues=(r"\b(?:dao|sung|vu khi|tron|khoa cua|say ruou|say xin|say)\b",), window=160),
        NetClass("medical", "gut bleeding with weakness", terms=(
            r"\b(?:non|oi|mua) (?:ra )?mau\b|\b(?:phan|di ngoai) (?:\w+ )?(?:den|co mau)\b",
        ), cues=(r"\b(?:yeu|met lam|chong mat|xiu|ngat|tai nhot|khong tra loi|li bi|nhieu|tu sang)\b",),
            window=200),
        # Allergen with swelling, hives all over or breathing trouble (its own class: "tom" is a name in English).
        NetClass("medical", "allergen with a systemic reaction (vi)", terms=(
            r"\b(?:di ung|tom|hai san|cua bien|ghe|dau phong|ong (?:dot|chich)|bi ong|kien (?:lua|ba khoang) can|"
            r"(?:sau khi )?(?:uong|tiem|chich) thuoc)\b",
        ), cues=(
            r"\b(?:sung|phu) (?:len|vu|phong|mat|moi|mieng|luoi|hong|mi mat|ca mat)\b|\b(?:mat|moi|luoi|hong|mi mat)"
            r" (?:bi )?(?:sung|phu)\b|\b(?:noi man|man ngua|noi me day|me day)\b(?:\W+\w+){0,2}?\W+(?:khap|toan|het)\b|"
            r"\b(?:khap nguoi|toan than)\b|\btho\b(?: \w+){0,2}? kho\b|\bkho tho\b|\bngat|\bxiu\b|\bchoang\b|\bnon oi\b",
        ), window=200),
        NetClass("mental_health", "high place near despair or farewell", terms=(
            r"\b(?:dang|o|tren|dung tren|dung o|ngoi tren) (?:cau|san thuong|mai nha|noc nha|toa nha|ban cong|"
            r"vach da|duong ray)\b",
        ), cues=(
            r"\b(?:khong (?:chiu|chiu dung|the chiu|the) (?:noi|duoc|tiep)|het chiu noi|tam biet|cam on|xin loi|"
            r"lan cuoi|nhay|chet|met moi qua)\b",
        ), window=200),
        NetClass("mental_health", "hopeless", terms=(
            r"\bnhay (?:cau|lau|song)\b|\btreo co\b|\bket lieu (?:doi|ban than|cuoc song)\b|\bsong (?:khong|chang) (?:con )?(?:y nghia|de lam gi)\b",
            r"\bkhong (?:con )?(?:muon|thiet) song\b|\bmuon chet\b",
            r"\bket thuc (?:tat ca|moi thu|cuoc doi|cuoc song|doi minh)\b",
        )),
        NetClass("mental_health", "means near intent", terms=(r"\buong (?:het|ca|toan bo) (?:\w+ )?thuoc\b",),
                 cues=(r"\b(?:muon|se|dinh|toi nay|chet|noi)\b",)),
    ),
    negations=(r"\b(?:khong|chua|chang|ko|k)\b",),
    resolved=(
        r"\bda (?:khoe|on|binh thuong)\b|\bnam ngoai\b",
        # "giờ khỏe hẳn rồi", "bây giờ ổn rồi", "khỏe lại rồi": well again now.
        r"\b(?:gio|bay gio|hien gio|hien tai|nay)(?: (?:da|thi|be|chau|con|em|ba|ong|me|bo|anh|chi))?"
        r" (?:khoe|on|binh thuong)(?: \w+)? roi\b|\bkhoe (?:han|lai) roi\b",
    ),
    settled=(r"\b(?:da )?(?:xuat vien|ra vien)\b|\bbac si (?:noi|bao) (?:khong sao|binh thuong)\b",),
    symptoms=(
        # Unaccented, "dau" is also parking/first/peanut ("đậu xe", "đầu tiên", "đậu phộng") and "ho"
        # also records/name/support ("hồ sơ", "họ tên", "hỗ trợ"): those are no symptom.
        Rule("trieu chung", r"\b(?:dau(?! (?:xe|phong|tien))|sot|ho(?! (?:so|ten|chieu|tro|khau))|non|(?<!\A)oi(?!\s*,)|chong mat|tieu chay|ngua|sung|phat ban|cam cum)\b"),
    ),
    opt_out=(
        r"\b(?:dung|ngung|thoi|ngung lai) (?:gui|nhan) (?:tin|tin nhan)\b",
        r"\bkhong (?:muon )?(?:nhan|gui) (?:tin|tin nhan)(?: nua)?\b",
        r"\bhuy (?:dang ky|nhan tin)\b|\bdung nhan tin\b|\bdung gui\b",
    ),
    # "em có cần đi xét nghiệm không", "có nên uống thuốc không": a question only a clinician answers.
    clinical_questions=(r"\bco (?:can|nen) (?:di )?(?:xet nghiem|kham|uong|tiem|chich|ngung|dung|di kham)\b",),
    opt_in=(r"\b(?:nhan|gui) (?:lai )?tin nhan (?:lai|tro lai)\b|\bdang ky lai\b",),
    # Added for issue 12 (round 2): a question about one's own visit, polite complaints.
    appointment_status=(
        r"\b(?:lich hen|cuoc hen|hen kham|lich kham|buoi hen)\b(?:\W+\w+){0,6}?\W+(?:may gio|luc may gio|o dau|cho nao|con (?:khong|nua|giu)|van (?:con|giu|nhu cu)|chi nhanh nao|phong kham nao|co bi huy)\b",
        r"\bmay gio\b(?:\W+\w+){0,3}?\W+(?:hen|kham)\b",
        r"\b(?:(?<!phong )kham|hen|lich hen|lich kham) (?:\w+ )?(?:luc )?may gio\b|\bco (?:lich hen|hen kham|lich kham|hen) (?:\w+ ){0,3}?(?:khong|ko)\b",
    ),
    upset=(
        r"\b(?:tho lo|vo le|hon lao|cau co|coc can|khong hai long|that vong|buc minh|buc qua|kho chiu qua|thai do (?:khong tot|te|kem|qua te)|thieu chuyen nghiep|(?:khong|chang) (?:ai|co ai) (?:noi|tra loi|goi lai|bao|nghe may|hoi|lien lac)|doi (?:\w+ )?(?:\d+|hai|ba|may|gan|hon) (?:\w+ )?(?:tieng|gio) (?:\w+ )?(?:ma|van|khong)|mong (?:\w+ ){0,2}(?:cai thien|rut kinh nghiem|chu y hon))\b",
    ),
    wants_manager=(
        r"\bkhieu nai\b|\b(?:gap|noi chuyen voi|goi cho|cho (?:toi|em) (?:gap|noi chuyen voi)) (?:nguoi )?quan ly\b|\bnguoi phu trach\b",
    ),
    # A form, portal or video link that fails: a person must act (queue rule 9).
    needs_person=(r"\bvan (?:bao|hien|bat)\b|\bbao (?:thieu|loi)\b|\bbi loi\b|\bkhong (?:gui|vao|mo|tai len|dang nhap) duoc\b|\bloi\b",),
    intents=(
        # Round 2 (issue 12): the everyday words for these needs, so they are not filed as other.
        IntentRules(Intent.WRONG_NUMBER, strong=(r"\bnham so\b|\bsai so\b|\bgui nham\b|\btoi khong phai (?:la )?(?:benh nhan|nguoi)\b",)),
        IntentRules(Intent.RECORDS, strong=(r"\bho so (?:benh an|y te|suc khoe|kham benh)\b|\bbenh an\b|\bgiay (?:chung nhan )?tiem chung\b|\bso tiem\b",)),
        IntentRules(Intent.PORTAL, strong=(r"\bcong thong tin\b|\bdang nhap\b|\bmat khau\b|\btai khoan\b",)),
        IntentRules(Intent.REFERRAL, strong=(r"\bgiay gioi thieu\b|\bchuyen (?:vien|tuyen|kham)\b",)),
        IntentRules(Intent.RECORDS, strong=(r"\b(?:ho so|giay|so) (?:chich ngua|tiem chung|tiem ngua)\b",)),
        # Each alternative carries a word of its own, so the literal pre-check rules most texts out.
        IntentRules(Intent.HELP, strong=(
            r"\bso nay (?:la )?(?:cua )?ai\b|\bso do (?:la )?(?:cua )?ai\b|\bso nao (?:vay|day|the)\b",
            r"\bai nhan tin\b|\bai gui tin\b|\bai nhan (?:vay|the|do|a|cho (?:toi|em))\b|\bben nao nhan\b",
            r"\bday la ai\b|\bdo la ai\b|\bday la so nao\b|\bday la ben nao\b|\bday la (?:tin nhan )?gi\b",
        )),
        IntentRules(Intent.HELP, strong=(r"^\W*ai (?:vay|day|the|do|a)\W*$",)),
        IntentRules(Intent.HELP, strong=(
            r"\b(?:sao|tai sao|vi sao) (?:toi|em|minh|tui)? ?(?:lai |cu |hay )?(?:nhan|nhan duoc|bi nhan)(?: \w+)? tin nhan\b|"
            r"\btin nhan (?:nay la )?gi (?:vay|day|the)\b",
        )),
        IntentRules(Intent.LANGUAGE, strong=(
            r"\b(?:bang|noi|dung|gui|nhan) tieng viet\b",
        )),
        IntentRules(Intent.REFILL, strong=(r"\b(?:lay them|het|mua|ke|gui) (?:toa |don )?thuoc\b|\btoa thuoc\b|\bdon thuoc\b|\bgui toa\b",)),
        IntentRules(Intent.SCHEDULE, strong=(r"\b(?:dat|lay|xin) (?:lich|hen)\b|\bhen kham\b",)),
        IntentRules(Intent.RESCHEDULE, strong=(r"\bdoi (?:lich|hen|ngay|gio)\b",)),
        IntentRules(Intent.CANCEL, strong=(r"\bhuy (?:lich|hen|cuoc hen)\b",)),
        IntentRules(Intent.TEST_RESULTS, strong=(r"\bket qua\b",)),
        IntentRules(Intent.BILLING, strong=(r"\bhoa don\b|\bthanh toan\b",)),
        IntentRules(Intent.INSURANCE, strong=(r"\bbao hiem\b",)),
        IntentRules(Intent.LANGUAGE, strong=(r"\btieng viet\b",)),
        IntentRules(Intent.CONFIRM, weak=(r"\b(?:se den|xac nhan|se toi|toi den)\b",)),
        IntentRules(Intent.THANKS, weak=(r"\bcam on\b",)),
    ),
    confirm_words=frozenset({"da", "vang", "co", "ok"}),
    done_words=frozenset({"xong roi", "dien xong", "da dien", "em dien xong", "toi dien xong", "lam xong"}),
    fuzzy_terms=(),
    protected_words=frozenset(
        {"chet", "song", "tho", "nguc", "giet", "ngat", "xiu", "mau", "sot", "dau", "met", "bung"}
    ),
)

# --- BEGIN emergency concepts (flows/triage/concepts.py) --------------------------------------
CONCEPT_NUMBERS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10, "hai muoi": 20, "ba muoi": 30,
}
CONCEPT_TERMS = {
    "day": (r"ngay\b",),
    "week": (r"tuan\b",),
    "month": (r"thang\b",),
    "year": (r"tuoi\b(?! \w)", r"nam\b"),
    "duration_before": (r"\b(?:da|duoc|suot|trong|tu)\s+(?:\w+\s+)?$",),
    "duration_after": (r"^\W*(?:roi|nay|qua)\b",),
    "age_marker": (r"\btuoi\b",),
    "child": (r"\b(?:be|con|em be|chau|tre|thang be|con gai|con trai)\b",),
    "newborn": (r"\b(?:so sinh|moi sinh|moi de)\b",),
    "fever": (r"\b(?:sot|nong sot|phat sot|sot cao)\b",),
    "temp_label": (r"\b(?:nhiet do|nhiet ke|do)\b",),
    "lethargy": (r"\b(?:li bi|lo do|mem nhun|goi khong (?:day|tinh)|kho danh thuc|khong chiu (?:bu|an|uong)|bo bu|khong (?:bu|uong) (?:gi|duoc)|lu du)\b",),
    "bleed": (r"\b(?:chay mau|ra mau|mat mau|mau chay|xuat huyet)\b",),
    "nonstop": (r"\b(?:khong (?:ngung|cam|dung|het|ngot)|mai khong|hoai|nhieu qua|rat nhieu|liên tuc|lien tuc|ca tieng)\b",),
    "pregnant": (r"\b(?:mang thai|co thai|co bau|mang bau|bau)\b",),
    "late_pregnancy": (r"\b(?:ba thang cuoi|sap sinh|gan sinh|du sinh)\b",),
    "gestation_week": (),
    "fetal_movement": (r"\b(?:dap|cu dong|thai may|dong dau|cu quay)\b",),
    "reduced": (r"\b(?:it|khong|khong con|ngung|giam|het)\b",),
    "fetal_movement_reduced": (r"\b(?:khong thay|khong con thay) (?:em be|be|con|thai) (?:dap|cu dong)\b",),
    "preeclampsia": (r"\bdau dau (?:du doi|rat|qua|kinh khung)\b|\b(?:mat|nhin) (?:mo|hoa|thay dom)\b",),
    "face_droop": (r"\b(?:meo mieng|mieng (?:bi )?meo|mat (?:bi )?(?:lech|xe))\b",),
    "arm_weak": (r"\b(?:tay|chan) (?:bi )?(?:yeu|liet|te|khong nhac len)\b",),
    "speech_slurred": (r"\b(?:noi ngong|noi lap|noi khong ro|lap bap)\b",),
    "sudden": (r"\b(?:dot nhien|tu nhien|bong nhien|dot ngot)\b",),
    "cant_finish_sentence": (r"\bkhong noi (?:het|tron) cau\b",),
    "breath_severe": (),
    "lips": (r"\b(?:moi|mat|mong tay)\b",),
    "blue": (r"\b(?:tim|tai|xanh tim)\b",),
    "chest_pain": (r"\b(?:dau|tuc|that) nguc\b",),
    "chest_danger": (r"\b(?:tay trai|ham|vai|lung|va mo hoi|mo hoi|chong mat|buon non|kho tho)\b",),
    "ingest": (r"\b(?:uong|nuot|an|bi uong)\b",),
    "pill_unit": (r"\bvien\b",),
    "poison": (r"\b(?:thuoc tay|nuoc tay|thuoc chuot|thuoc diet co|thuoc tru sau|xang)\b",),
    "suicidal": (r"\b(?:khong muon song (?:nua)?|muon chet|muon tu tu)\b",),
    "swelling": (r"\b(?:sung|phu)\b",),
    "airway": (r"\b(?:hong|luoi)\b",),
    "face_part": (r"\b(?:moi|mat|mi mat)\b",),
    "allergen": (r"\b(?:dau phong|tom|hai san|ong|di ung|thuoc)\b",),
    "hypothetical": (r"\b(?:neu|lo nhu|phong khi|lo nhu)\b.{0,60}\b(?:phai lam (?:sao|gi)|lam the nao|thi sao)\b",),
    "happening_now": (r"\b(?:bay gio|dang|hien gio)\b",),
    "dosing_routine": (r"\b(?:moi ngay|hang ngay|mot ngay|moi thang|toa|don thuoc|con lai)\b",),
    "hyperbole": (
        r"\b(?:doi|met|chan|nong|lanh|buon cuoi|cuoi) (?:muon )?chet (?:mat|di duoc|luon)\b",
        # Hearing or seeing something "makes me want to faint": "nghe giá mà muốn xỉu".
        r"\b(?:nghe|thay|nhin|doc|xem) (?:gia|hoa don|so tien|tien|bill|tin nhan)(?: \w+){0,2}? (?:ma )?"
        r"(?:muon|suyt|gan) (?:xiu|ngat|chet)\b",
        # A fright or a laugh "enough to faint": "hết hồn muốn xỉu", "cười muốn xỉu luôn".
        r"\b(?:het hon|hu hon|giat minh|so|hoang|cuoi|buon cuoi|mac cuoi)(?: \w+)? (?:muon|suyt|gan|xiu|ngat)"
        r"(?: (?:xiu|ngat|chet))?(?: (?:luon|mat|di duoc|roi))?\b",
    ),
}
# --- END emergency concepts -------------------------------------------------------------------
