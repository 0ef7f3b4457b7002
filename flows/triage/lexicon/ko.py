"""Korean triage word lists. Hangul is kept as is; spaces between words are often optional."""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule
from flows.types import Intent

LEXICON = Lexicon(
    lang="ko",
    emergency_medical=(
        # Round 2 (issue 12): a phrasing the screen missed.
        Rule("토혈", r"(?:피|검은 \S+)[^.?!]{0,10}토(?:하|했|해)|피를 토|토혈"),
        Rule("가슴 통증", r"가슴(?:이|에|쪽이)?\s?(?:너무\s?|많이\s?|심하게\s?)?(?:통증|아프|아파|답답|조이|조여|쥐어짜|압박|뻐근)"),
        Rule("호흡 곤란", r"숨(?:을|이)?\s?(?:못\s?쉬|쉬기\s?(?:힘들|어렵)|가빠|막혀|이 안)|호흡\s?곤란"),
        Rule("뇌졸중", r"말(?:이|을)?\s?(?:어눌|안\s?나와|잘\s?못)|얼굴(?:이|한쪽이)?\s?(?:처지|마비|비뚤)|뇌졸중|중풍|한쪽\s?(?:팔|다리|몸)(?:이|에)?\s?(?:힘이\s?없|마비|못\s?움직)"),
        Rule("의식 없음", r"쓰러졌|의식(?:이|을)?\s?(?:없|잃)|기절|깨어나지\s?않|반응이\s?없"),
        Rule("경련", r"경련|발작"),
        Rule("출혈", r"피가\s?(?:멈추지|안\s?멈|많이|계속)|대량\s?출혈|과다\s?출혈|피를\s?토"),
        Rule("아나필락시스", r"목(?:이|구멍이)?\s?(?:부어|조여|막혀)|입술(?:이)?\s?부어|혀(?:가)?\s?부어"),
        Rule("과다 복용", r"과다\s?복용|약을\s?너무\s?많이"),
    ),
    emergency_mental_health=(
        Rule("자살", r"자살|죽고\s?싶|살고\s?싶지\s?않|자해|죽어\s?버리|목숨을\s?끊"),
    ),
    safety_net=(
        NetClass("medical", "choking with a blocked airway", terms=(r"목에 (?:걸렸|걸려)|기도가 막|질식|사레",),
                 cues=(r"말을 못|말을 할 수 없|기침을 못|숨을 못|숨을 쉬지 못|파래|파랗|보라색|새파래",), window=60),
        NetClass("mental_health", "threat against the texter", terms=(
            r"(?:저를|나를|날|우리를|절|애들을)\s?(?:죽이|죽여|찌르|때려\s?죽)|죽이겠다|죽여\s?버리겠|죽인다고",
        ), cues=(r"칼|총|흉기|숨어|숨었|잠그|잠갔|술에\s?취|취해서|때리|협박",), window=120),
        NetClass("medical", "gut bleeding with weakness", terms=(
            r"피를\s?(?:토하|토해|토했)|토혈|검은\s?(?:변|대변)|혈변",
        ), cues=(r"힘이\s?없|기운이\s?없|어지러|쓰러|창백|반응|의식|계속|많이",), window=120),
        NetClass("medical", "allergen with a systemic reaction (ko)", terms=(
            r"알레르기|알러지|새우|땅콩|해산물|갑각류|조개|벌에|벌이|벌한테|쏘였|주사|백신|약을?\s?먹고",
        ), cues=(
            r"(?:얼굴|입술|혀|눈|목|눈두덩)(?:이|가|에)?\s?(?:퉁퉁\s?|많이\s?)?(?:부었|부어|붓고|붓기|부풀)|목(?:이|구멍이)?\s?(?:조여|막히|막혀|조이)|"
            r"숨(?:이|을|쉬기)?\s?(?:차|막|힘들|못\s?쉬|쉬기\s?힘)|호흡\s?곤란|온몸|전신|쌕쌕|어지러|쓰러|토하|구토",
        ), window=60),
        # Standing somewhere high with despair or a farewell ("다리 위에 서 있어요. 더는 못 버티겠어요").
        NetClass("mental_health", "high place near despair or farewell", terms=(
            r"(?:다리|대교|옥상|지붕)\s?(?:위|난간|끝)|(?:난간|절벽|한강|철로|선로)",
        ), cues=(
            r"못\s?버티|더(?:는|\s?이상)\s?(?:못|안)|고마웠|감사했|미안했|전해\s?주|마지막|작별|안녕|살기\s?싫|끝내|"
            r"죽고|죽을|뛰어내",
        ), window=200),
        NetClass("mental_health", "hopeless", terms=(
            r"살\s?이유가\s?없|살고\s?싶지\s?않|죽고\s?싶|유서|극단적\s?(?:선택|인\s?생각)|사라지고\s?싶|목을\s?매",
        )),
        NetClass("mental_health", "means near intent", terms=(
            r"뛰어내리|투신|약을\s?(?:다|전부|모두)\s?(?:모아|먹|삼키)|수면제를?\s?(?:다|전부|모아)",
        ), cues=(r"싶|겠|려고|할\s?거|한다고|모아|놨|계획|오늘\s?밤|살|죽",)),
    ),
    resolved=(r"작년|(?:\d+|몇)\s?년\s?전|(?:지금은|이제는?)\s?(?:괜찮|좋아|회복)",),
    symptoms=(Rule("증상", r"아프|아파|통증|열이|기침|어지러|설사|구토|두드러기|부었|감기|콧물|몸살"),),
    opt_out=(
        r"문자\s?(?:그만|보내지\s?마|사절|받고\s?싶지\s?않|받지\s?않)",
        r"수신\s?거부|그만\s?보내|구독\s?취소|연락하지\s?마",
    ),
    opt_in=(r"(?:다시|재)\s?(?:수신|구독|받고\s?싶)",),
    # Added for issue 12 (round 2): a question about one's own visit, polite complaints.
    appointment_status=(
        r"(?:예약|진료|검진)(?:이|은|는|시간이?|시간은)?\s?(?:몇\s?시|언제|어디)",
        r"예약(?:이|은)?\s?(?:아직|그대로|유효)",
        r"예약[^.?!]{0,15}(?:몇\s?시|어디로 가|어느 (?:지점|병원|건물|쪽))",
    ),
    upset=(
        r"불친절|불쾌|실망|화가 나|화나|짜증|불만|아무도 (?:연락|전화|답|안 받|받지)|연락(?:이|도) ?없|(?:\d+|한|두|세)\s?시간(?:이나|을|씩)? 기다|신경 (?:써|쓰) 주(?:셨|시)?으?면|개선(?:해|되|됐)",
    ),
    wants_manager=(
        r"책임자|관리자|매니저|항의|민원|컴플레인",
    ),
    intents=(
        # Round 2 (issue 12): the everyday words for these needs, so they are not filed as other.
        IntentRules(Intent.WRONG_NUMBER, strong=(r"잘못 (?:보내|거|온|된 번호)|번호(?:를|가)? 잘못|(?:저는|전) \S+ (?:아닙니다|아니에요|아니예요)",)),
        IntentRules(Intent.RECORDS, strong=(r"진료\s?기록|의무\s?기록|진단서|소견서|예방\s?접종\s?(?:기록|증명)|기록\s?사본",)),
        IntentRules(Intent.PORTAL, strong=(r"포털|로그인|비밀번호|아이디를? (?:잊|모르)",)),
        IntentRules(Intent.RESCHEDULE, strong=(r"(?:날짜|시간|예약|요일)?(?:을|를|로)? ?(?:바꿀|바꿔|변경|옮길|옮겨|미룰|미뤄)",)),
        IntentRules(Intent.REFERRAL, strong=(r"의뢰서|진료\s?의뢰|리퍼럴",)),
        IntentRules(Intent.INSURANCE, strong=(r"메디케어|메디케이드|보험사",)),
        IntentRules(Intent.FORMS, strong=(r"서류(?:를|는)? ?(?:작성|써|발급)|양식",)),
        IntentRules(Intent.HELP, strong=(
            r"누구(?:신데요|신지|시죠|십니까)|무슨 (?:문자|메시지)|이(?:거|건) (?:뭐|무슨)",
            r"누구(?:세요|신가요|시죠|십니까|예요|에요|야)|(?:이|이건|이거|무슨) 번호|어디(?:서|에서) (?:온|보낸) (?:문자|메시지)|(?:왜|웬) (?:이런 |자꾸 |계속 )?(?:문자|메시지)",
        )),
        IntentRules(Intent.LANGUAGE, strong=(
            r"한국어(?:로|\s?(?:되나요|돼요|가능|해\s?주|부탁))",
        )),
        IntentRules(Intent.RESCHEDULE, strong=(r"(?:예약|날짜|시간)\s?(?:변경|바꾸|옮기)",)),
        IntentRules(Intent.CANCEL, strong=(r"(?:예약\s?)?취소(?!\s?(?:문자|구독))",)),
        IntentRules(Intent.SCHEDULE, strong=(r"예약",)),
        IntentRules(Intent.TEST_RESULTS, strong=(r"결과",)),
        IntentRules(Intent.REFILL, strong=(r"리필|처방|약\s?(?:다시|더)",)),
        IntentRules(Intent.BILLING, strong=(r"청구서|비용|결제|요금",)),
        IntentRules(Intent.INSURANCE, strong=(r"보험",)),
        IntentRules(Intent.LANGUAGE, strong=(r"한국어로",)),
        IntentRules(Intent.TELEHEALTH, weak=(r"링크|화상|비디오",)),
        IntentRules(Intent.CONFIRM, weak=(r"확인|갈게요|가겠습니다",)),
        IntentRules(Intent.THANKS, weak=(r"감사|고맙",)),
    ),
    confirm_words=frozenset({"네", "예", "넵", "확인"}),
    needs_person=(
        r"찾을\s?수\s?없|오류|에러|안\s?(?:돼|되|열려|들려|보여)|실패|작동(?:하지|이\s?안)|접속(?:이)?\s?안|"
        r"로그인(?:이)?\s?안|잠겼",
    ),
    done_words=frozenset({"작성했", "완료했", "제출했", "다 했", "작성 완료"}),
)

# --- BEGIN emergency concepts (flows/triage/concepts.py) --------------------------------------
CONCEPT_NUMBERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "열": 10, "스무": 20}
CONCEPT_TERMS = {
    "day": (r"일(?!\s*(?:이|에|날))",),
    "week": (r"주(?!\s*(?:사|말))",),
    "month": (r"개월|달",),
    "year": (r"살|세(?!요)",),
    "duration_before": (r"(?:벌써|지난)\s*$",),
    "duration_after": (r"^\s*(?:째|동안|전부터|전)",),
    "age_marker": (r"생후|된|짜리|살",),
    "child": (r"아기|애기|아이|아들|딸|우리 애|신생아|손자|손녀",),
    "newborn": (r"신생아|갓난",),
    "fever": (r"열이|고열|열나|발열|열도",),
    "temp_label": (r"체온|온도|도",),
    "lethargy": (r"축 (?:늘어|처져)|늘어져|처져서|잘 (?:안 )?깨지 않|안 깨|깨우기 힘|못 깨|기운이 없|물을 (?:안|못) 마|수유를 거부|젖을 안",),
    "bleed": (r"피가|피를|출혈|하혈",),
    "nonstop": (r"멈추지 않|안 멈|멈추질 않|계속|많이|엄청|쏟아",),
    "pregnant": (r"임신|임산부",),
    "late_pregnancy": (r"임신 후기|출산 예정일|예정일",),
    "gestation_week": (),
    "fetal_movement": (r"태동|움직",),
    "reduced": (r"없|안|줄|적|멈췄|덜",),
    "fetal_movement_reduced": (r"태동이 (?:거의 )?(?:없|줄|약해)|(?:아기|애기)가 (?:안|잘 안) 움직",),
    "preeclampsia": (r"두통이 (?:심|너무)|머리가 (?:너무|깨질 듯|심하게) 아|눈이 (?:침침|흐려)|시야가 흐",),
    "face_droop": (r"(?:얼굴|입)(?:이|가)?\s?(?:한쪽이\s?)?(?:처지|비뚤|돌아|마비|틀어)|한쪽 얼굴이 처",),
    "arm_weak": (r"(?:팔|다리|손)(?:이|에|을)?\s?(?:힘이 없|마비|저리|못 들|안 움직)",),
    "speech_slurred": (r"말이 (?:어눌|어둔|안 나|이상|꼬)|발음이 (?:이상|어눌)",),
    "sudden": (r"갑자기|급작스럽",),
    "cant_finish_sentence": (r"말을 (?:끝까지|제대로) 못|한 문장도 못",),
    "breath_severe": (r"숨(?:을|이)? (?:못 쉬|쉬기 힘|쉴 수 없|너무 차|막혀)|호흡곤란",),
    "lips": (r"입술|얼굴|손톱",),
    "blue": (r"파랗|파래|퍼렇|보라",),
    "chest_pain": (r"가슴이 (?:\S+\s)?(?:아프|아파|조이|답답|쥐어|뻐근|짓눌)",),
    "chest_danger": (r"식은땀|땀이|왼팔|팔|턱|등|어지|메스|숨이",),
    "ingest": (r"먹었|삼켰|마셨|복용",),
    "pill_unit": (r"알|정|캡슐",),
    "poison": (r"락스|표백제|농약|쥐약|세제|부동액|건전지",),
    "suicidal": (r"살고 싶지 않|죽고 싶|자살|목숨을 끊|삶을 끝내",),
    "swelling": (r"부어|붓|부었|부풀",),
    "airway": (r"목이|목구멍|혀",),
    "face_part": (r"입술|얼굴|눈",),
    "allergen": (r"땅콩|견과|새우|해산물|벌에|벌이|쏘|알레르기|알러지|항생제|주사|먹고",),
    "hypothetical": (r"(?:하면|생기면|나면|있으면|되면|경우)\s?어떻게 (?:해야|하면|하나)|만약",),
    "happening_now": (r"지금|방금|현재",),
    "dosing_routine": (r"하루|매일|한 달|처방|남았",),
    "hyperbole": (
        # "주사 생각만 해도 기절할 것 같아요": just thinking of it.
        r"생각만 해도 (?:\S+ )?(?:기절|죽을|쓰러질)",
        r"(?:배고파|피곤해|졸려|심심해|웃겨|더워|추워|힘들어|바빠|미치겠고|답답해) 죽겠",),
}
# --- END emergency concepts -------------------------------------------------------------------
