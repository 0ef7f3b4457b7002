"""Korean triage word lists. Hangul is kept as is; spaces between words are often optional."""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule
from flows.types import Intent

LEXICON = Lexicon(
    lang="ko",
    emergency_medical=(
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
    symptoms=(Rule("증상", r"아프|아파|통증|열이|기침|어지러|설사|구토|두드러기|부었"),),
    opt_out=(
        r"문자\s?(?:그만|보내지\s?마|사절|받고\s?싶지\s?않|받지\s?않)",
        r"수신\s?거부|그만\s?보내|구독\s?취소|연락하지\s?마",
    ),
    opt_in=(r"(?:다시|재)\s?(?:수신|구독|받고\s?싶)",),
    intents=(
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
