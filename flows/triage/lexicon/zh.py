"""Chinese triage word lists (simplified and common traditional forms).

Chinese has no spaces, so these patterns do not use word boundaries.
"""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule
from flows.types import Intent

LEXICON = Lexicon(
    lang="zh",
    # Issue 12, round 10: the language as it is typed in Latin letters.
    romanized_markers={'nihao': 2, 'ninhao': 2, 'xiexie': 2, 'yisheng': 2, 'yuyue': 2, 'keyi': 2, 'mingtian': 2, 'jintian': 2, 'shenme': 2, 'shihou': 2, 'zenme': 2, 'meiyou': 2, 'nimen': 2, 'women': 2, 'tamen': 2, 'nainai': 2, 'yeye': 2, 'fashao': 2, 'kanbing': 2, 'yiyuan': 2, 'xiaoshi': 2, 'bangmang': 2, 'duibuqi': 2, 'shufu': 2, 'haizi': 2, 'erzi': 2, 'nuer': 2, 'hao': 1, 'wo': 1, 'ni': 1, 'nin': 1, 'ta': 1, 'de': 1, 'le': 1, 'ma': 1, 'bu': 1, 'shi': 1, 'zai': 1, 'you': 1, 'mei': 1, 'yao': 1, 'neng': 1, 'bang': 1, 'kan': 1, 'bing': 1, 'tou': 1, 'teng': 1, 'ge': 1, 'ci': 1, 'yi': 1, 'zhe': 1, 'na': 1},
    emergency_medical=(
        # Round 2 (issue 12): a phrasing the screen missed.
        Rule("中风", r"说话[^，,。！？]{0,4}(?:含糊|不清|说不清)|嘴角[^，,。！？]{0,4}歪"),
        Rule("胸痛", r"胸(?:口|部)?(?:很|好|非常|特别)?(?:痛|疼|闷|悶|压|壓|紧|緊)|心口(?:痛|疼)"),
        Rule("呼吸困难", r"呼吸(?:困难|困難|不了|不过来)|喘不(?:过|過|上)气|上不来气|透不过气|不能呼吸|憋气"),
        Rule("中风", r"说话(?:说)?不清|說話(?:說)?不清|口齿不清|嘴(?:巴)?歪|脸(?:歪|麻)|臉歪|中风|中風|半边(?:身)?(?:没力|麻|动不了)|(?:手|胳膊|腿)(?:也)?(?:抬不起来|抬不起來|没力气|动不了)"),
        Rule("昏迷", r"昏迷|叫不醒|晕倒|暈倒|昏倒|不省人事|失去意识|没有反应|沒有反應"),
        Rule("抽搐", r"抽搐|抽筋不停|癫痫发作|癲癇發作"),
        Rule("大出血", r"大出血|血流不止|出血不止|止不住血|吐血|咳血"),
        Rule("过敏", r"喉咙(?:肿|發緊|发紧|紧)|嘴唇(?:肿|腫)|舌头(?:肿|腫)|过敏性休克"),
        Rule("过量", r"吃了(?:很多|太多|一瓶|好多)(?:药|藥)|服药过量|过量"),
        Rule("剧烈头痛", r"(?:最|剧烈|劇烈)(?:严重)?的?头痛"),
    ),
    emergency_mental_health=(
        Rule("自杀", r"自杀|自殺|不想活|想死|活不下去|结束(?:自己的)?生命|轻生|伤害自己|傷害自己|割腕|寻死"),
        Rule("伤人", r"(?:杀|殺)了?(?:他|她|他们)"),
    ),
    safety_net=(
        NetClass("medical", "choking with a blocked airway", terms=(r"噎住|噎到|噎着|卡住了|卡在喉咙|卡在喉嚨|呛到|嗆到|窒息",),
                 cues=(r"说不出|說不出|咳不出|不能说话|不能說話|不能呼吸|喘不|发紫|發紫|发青|發青|没声音|沒聲音",), window=60),
        NetClass("medical", "cyanosis", terms=(r"(?:脸|臉|嘴唇|嘴|皮肤|皮膚|手指)(?:都|色|已经|已經|有点|有點)?(?:发紫|發紫|发青|發青|青紫|紫了)",)),
        NetClass("mental_health", "threat against the texter", terms=(
            r"(?:要|会|说要|说会|扬言要?)(?:杀|砍|捅)(?:了|死)?(?:我|我们)",
        ), cues=(r"刀|枪|武器|躲|锁|喝醉|醉了|打我",), window=80),
        NetClass("medical", "gut bleeding with weakness", terms=(r"吐血|呕血|黑便|便血|大便(?:是)?黑",),
                 cues=(r"无力|没力气|虚弱|头晕|晕倒|昏|脸色(?:苍白|发白)|反应|一直|很多",), window=80),
        NetClass("mental_health", "high place near despair or farewell", terms=(
            r"(?:桥|橋|楼顶|樓頂|天台|顶楼|頂樓|窗台|阳台|陽台|悬崖|懸崖|铁轨|鐵軌|河边|河邊)(?:上|边|邊|前)?",
        ), cues=(
            r"撑不下去|撐不下去|受不了|坚持不|堅持不|活不下去|替我|谢谢.{0,8}(?:照顾|一直|一切)|謝謝.{0,8}(?:照顧|一直|一切)|"
            r"再见|再見|永别|永別|最后|最後|对不起|對不起|跳",
        ), window=200),
        NetClass("mental_health", "means near intent", terms=(
            r"跳下去|跳楼|跳樓|跳河|跳桥|跳橋|卧轨|臥軌|上吊|割腕|烧炭|燒炭|吞(?:了)?(?:一瓶|整瓶|所有的?|全部的?)?(?:药|藥|安眠药)",
        ), cues=(r"要|想|打算|准备|準備|说|說|会|會|计划|計劃|今晚",)),
        NetClass("mental_health", "hopeless", terms=(
            r"不想活|活着没(?:意思|意义)|活著沒(?:意思|意義)|没有活下去的(?:理由|意义)|想死|寻短见|尋短見|自尽|自盡|轻生|輕生|遗书|遺書",
            # "End it all at once", "sleep and never wake up", "I'm a burden".
            r"一了百了|睡(?:着|著|下)?(?:了)?(?:就)?(?:再也)?不(?:要|想)?(?:再)?醒(?:来|來|過來|过来)?|不想(?:再)?醒(?:来|來)",
            r"(?:我|他|她)?(?:是|只是)?(?:大家|家人|家里|家裡)的?(?:负担|負擔|拖累)|活(?:得|着|著)(?:太|好)累",
        )),
        NetClass("mental_health", "research of a lethal dose or method", terms=(
            r"(?:吃|吞)多少.{0,6}(?:会|會|能|可以)?(?:死|致死)|致死(?:量|剂量|劑量)|怎么死|怎麼死|无痛(?:的)?死|無痛(?:的)?死",
        )),
        NetClass("medical", "venomous bite or sting", terms=(r"蛇|蝎子|蠍子|毒蜘蛛|水母",),
                 cues=(r"咬|蜇|螫|叮",), window=8),
        NetClass("medical", "carbon monoxide or gas exposure with symptoms", terms=(
            r"一氧化碳|煤气|煤氣|燃气|燃氣|炭火|烧炭|燒炭|发电机|發電機|暖炉|暖爐",
        ), cues=(r"头晕|頭暈|头痛|頭痛|呕吐|嘔吐|恶心|噁心|昏|叫不醒|想睡",), window=30),
        NetClass("medical", "allergen with a systemic reaction", terms=(r"蜜蜂|黄蜂|蜂|蛰|螫|过敏|過敏|花生|海鲜|海鮮|虾|蝦",),
                 cues=(r"嗓子|喉咙|喉嚨|全身|呼吸|喘|头晕|頭暈|嘴唇|舌头|舌頭|晕倒|暈倒|脸(?:都|全|一下)?肿|臉(?:都|全|一下)?腫|眼睛(?:都)?肿|眼睛(?:都)?腫",)),
        NetClass("medical", "chest complaint with cardiac signs", terms=(r"胸",), cues=(r"出汗|冷汗|左臂|下巴|压|壓|闷|悶|喘",)),
    ),
    # Handled: discharged, stable now ("已经出院在家休养了"): silences the screen, not the symptom.
    settled=(r"(?:已经|已經|早就|都)?出院(?:了|回家|在家)|(?:现在|現在|目前)(?:已经|已經)?(?:稳定|穩定|没事|沒事)|在家休养|在家休養",),
    # Happening again or still: cancels an over or handled cue in the same clause.
    ongoing=(r"又|今天|刚才|剛才|还在|還在|一直|越来越|越來越|突然|现在又|現在又",),
    resolved=(r"去年|(?:\d+|几|幾|两|兩|一)年前|(?:已经|现在|現在)?(?:恢复|恢復)得?(?:很好|不错|不錯)|已经好了|已經好了|现在很好|現在很好",),
    negations=(r"(?:没有|沒有|没|沒|不|无|無)$",),
    symptoms=(Rule("症状", r"痛|疼|发烧|發燒|咳嗽|头晕|頭暈|拉肚子|呕吐|嘔吐|过敏|肿|腫"),),
    opt_out=(
        r"不要再?(?:给我)?(?:发|發|传|傳)(?:短信|信息|消息|简讯|簡訊)",
        r"别再?(?:给我)?(?:发|發)|停止(?:发送|發送)|退订|退訂|取消订阅|取消訂閱",
        r"不想(?:再)?(?:收到|接收)(?:短信|信息|消息|简讯|簡訊)",
    ),
    opt_in=(r"(?:重新|恢复|恢復)(?:订阅|訂閱|接收|发送)|(?:重新|再次)(?:收到|开始收|開始收)",),
    # Added for issue 12 (round 2): a question about one's own visit, polite complaints.
    appointment_status=(
        r"(?:预约|預約|约诊|約診|门诊|門診|看诊|看診|复诊|複診)(?:是|在)?(?:几点|幾點|什么时候|什麼時候|哪天|哪一天|哪里|哪裡|哪儿|哪个诊所|哪個診所|哪家)",
        r"(?:预约|預約)[^。？?！!]{0,12}(?:几点|幾點|哪个诊所|哪個診所|还有效|還有效|还算数|還算數|还在吗|還在嗎|照常|取消了吗|取消了嗎)",
        r"(?:还有|還有|有)(?:没有)?(?:预约|預約)(?:吗|嗎)",
        r"(?:还|還)(?:是)?照常(?:吗|嗎|吧)",
        r"(?:几点|幾點)(?:看医生|看醫生|看病|看诊|看診|复诊|複診)|(?:复诊|複診|预约|預約|看诊|看診)是?在(?:哪个|哪個|哪里|哪裡|哪家)",
    ),
    walk_in=(r"(?:需要|要|得)(?:先)?(?:预约|預約)(?:吗|嗎)|(?:直接|可以直接)(?:过去|過去|来|來|去)|不用(?:预约|預約)|无需预约|無需預約",),
    upset=(
        r"不满意|不滿意|(?:很|有点|有點|太|非常)失望|态度(?:不好|很差|太差)|態度(?:不好|很差|太差)|不耐烦|不耐煩|(?:没|沒)(?:有)?人(?:回|理|接|说一声|說一聲|说|說|管|打回来|回电|回電|回复|回覆)|等了(?:一个多|两个多|一個多|兩個多|[一二两兩三四五六七八九十几幾\d]+个?多?)(?:小时|小時|钟头|鐘頭)|希望(?:以后|以後|下次)?能?(?:改进|改進|改善|注意)|不(?:专业|專業)|到底有没有人|太过分|太過分",
    ),
    wants_manager=(
        r"投诉|投訴|经理|經理|主管|负责人|負責人",
    ),
    intents=(
        # Round 2 (issue 12): the everyday words for these needs, so they are not filed as other.
        IntentRules(Intent.WRONG_NUMBER, strong=(r"发错人|發錯人|发错了|發錯了|打错|打錯|错号|錯號|(?:号码|號碼)(?:错|錯)了|我不叫|没有来过这个诊所|沒有來過這個診所",)),
        IntentRules(Intent.RECORDS, strong=(r"病历|病歷|医疗记录|醫療記錄|体检报告|體檢報告|疫苗(?:记录|記錄|本)",)),
        IntentRules(Intent.PORTAL, strong=(r"门户|門戶|(?:患者|病人)(?:网站|網站|平台)|账号|帐号|賬號|帳號|登录不|登入不|密码|密碼",)),
        IntentRules(Intent.REFILL, strong=(r"(?:药|藥)(?:已经|已經)?(?:断|斷|吃完|用完|没了|沒了)|(?:续|續|开|開|配)(?:药|藥)|(?:药|藥)(?:续|續)一下",)),
        IntentRules(Intent.REFERRAL, strong=(r"转诊|轉診|转介|轉介",)),
        IntentRules(Intent.REFILL, strong=(r"(?:续|續)一下|(?:换|換|转|轉)(?:到)?(?:另一家|别的|別的|新的)?(?:药房|藥房|药店|藥店)",)),
        IntentRules(Intent.FORMS, weak=(r"表格|表单|表單|填表|问卷|問卷",)),
        IntentRules(Intent.FORMS, strong=(r"(?:工作|上学|上學|请假|請假|病假|健康|体检|體檢)(?:证明|證明)|诊断书|診斷書|请假条|請假條|病假条|病假條",)),
        # "想给我妈妈约一个体检": the verb alone books a visit ("大约一个小时" is "about an hour").
        IntentRules(Intent.SCHEDULE, strong=(r"(?<!大)(?<!大概)约(?:一个|一個|个|個|一下)(?!小时|小時|月|星期|礼拜|禮拜)|(?:想|要|帮|幫)[^改取消换換\s]{0,5}约(?:个|個|一个|一個)?(?:体检|體檢|检查|檢查|时间|時間|医生|醫生|看)",)),
        IntentRules(Intent.HELP, strong=(
            r"请问你是|請問你是|你是(?:哪位|谁|誰)|(?:这|這)是什(?:么|麼)(?:短信|信息|訊息|消息|简讯|簡訊|号码|號碼)|什(?:么|麼)(?:短信|简讯|簡訊)",
            r"(?:这|這|这个|這個)是(?:哪里|哪裡|哪儿|谁|誰|什么|什麼|哪个|哪個)的?(?:号码|號碼|电话|電話|号|號)",
            r"(?:你们|你們|你|您)是(?:谁|誰|哪里|哪裡|哪位|什么|什麼)",
            r"(?:为什么|為什麼|为啥|為啥|怎么|怎麼)(?:一直|老是|总是|總是|会|會)?(?:给我|給我)?(?:发|發|收到)(?:这些|這些)?(?:短信|信息|訊息|简讯|簡訊|消息)",
            r"谁(?:发|發)的|誰(?:發|发)的",
        )),
        IntentRules(Intent.LANGUAGE, strong=(
            r"(?:繁体|繁體|简体|簡體)(?:中文|字)",
            r"中文(?:可以|行|好)(?:吗|嗎|不)?|(?:讲|講|说|說|写|寫|用)(?:中文|国语|國語|普通话|普通話|粤语|粵語|广东话|廣東話)",
        )),
        IntentRules(Intent.RESCHEDULE, strong=(r"(?:预约|預約)?改(?:时间|期|约|天|到)|换个?时间|改(?:一下)?(?:预约|預約)",)),
        IntentRules(Intent.CANCEL, strong=(r"(?:预约|預約)?取消(?!订阅|訂閱)",)),
        IntentRules(Intent.SCHEDULE, strong=(r"预约|預約|挂号|掛號|约个?时间",)),
        IntentRules(Intent.TEST_RESULTS, strong=(r"结果|結果|报告|報告",)),
        IntentRules(Intent.REFILL, strong=(r"续药|續藥|续开|續開|开药|開藥|配药|处方|處方|药快吃完|藥快吃完|(?:药|藥)(?:快)?(?:吃完|用完|没了|沒了)",)),
        IntentRules(Intent.BILLING, strong=(r"账单|賬單|帳單|费用|費用|付款|缴费",)),
        IntentRules(Intent.INSURANCE, strong=(r"保险|保險",)),
        IntentRules(Intent.LANGUAGE, strong=(r"(?:用|发|發)中文",)),
        IntentRules(Intent.TELEHEALTH, weak=(r"视频|視頻|链接|連結",)),
        IntentRules(Intent.CONFIRM, weak=(r"确认|確認|会去|會去|准时到|準時到",)),
        IntentRules(Intent.THANKS, weak=(r"谢谢|謝謝|多谢",)),
    ),
    confirm_words=frozenset({"好", "好的", "是", "确认", "確認"}),
    needs_person=(r"(?:登录|登入|登陆|登陸|进|進)不(?:了|上|去)|登不上|错误|錯誤|打不开|打不開|进不去|進不去|无法|無法|失败|失敗|找不到|不能(?:登录|登入|打开|连接)",),
    done_words=frozenset({"填好了", "填完了", "已填好", "已经填", "已經填", "完成了", "已提交", "提交了"}),
)

# --- BEGIN emergency concepts (flows/triage/concepts.py) --------------------------------------
CONCEPT_NUMBERS: dict[str, int] = {}
CONCEPT_TERMS = {
    "day": (r"天",),
    "week": (r"周|週|星期|礼拜|禮拜",),
    "month": (r"月",),
    "year": (r"岁|歲",),
    "duration_before": (r"(?:已经|已經|有|了|连续|連續)\s*$",),
    "duration_after": (r"^(?:了|以来|以來|多了)",),
    "age_marker": (r"大|岁|歲|出生|生后|生後",),
    "child": (r"宝宝|寶寶|孩子|小孩|儿子|兒子|女儿|女兒|婴儿|嬰兒|宝贝|寶貝",),
    "newborn": (r"新生儿|新生兒|刚出生|剛出生",),
    "fever": (r"发烧|發燒|发热|發熱|高烧|高燒|烧到|燒到",),
    "temp_label": (r"体温|體溫|度",),
    "lethargy": (r"昏睡|叫不醒|嗜睡|没精神|沒精神|软绵绵|軟綿綿|不喝水|不吃奶|不喝奶|蔫|没反应|沒反應",),
    "bleed": (r"出血|流血|见红|見紅|血(?=一直|止不住|不停|流)",),
    "nonstop": (r"止不住|不停|一直|很多|好多|止不了|停不下来|停不下來",),
    "pregnant": (r"怀孕|懷孕|孕",),
    "late_pregnancy": (r"孕晚期|晚期妊娠|预产期|預產期",),
    "gestation_week": (),
    "fetal_movement": (r"胎动|胎動|动|動|踢",),
    "reduced": (r"少|没|沒|不|停|减少|減少",),
    "fetal_movement_reduced": (r"胎动(?:明显)?(?:减少|少了|没了|停了)|胎動(?:明顯)?(?:減少|少了|沒了|停了)|感觉不到(?:宝宝|胎动)",),
    "preeclampsia": (r"头痛得厉害|頭痛得厲害|剧烈头痛|劇烈頭痛|头很痛|視力模糊|视力模糊|看东西模糊|眼前发黑|眼花",),
    "face_droop": (r"嘴歪|口歪|脸歪|臉歪|面瘫|面癱|嘴角下垂",),
    "arm_weak": (r"(?:手|胳膊|手臂|腿)(?:没力|沒力|无力|無力|抬不起来|抬不起來|麻)",),
    "speech_slurred": (r"说话(?:含糊|不清|不利索)|說話(?:含糊|不清)|口齿不清|口齒不清|讲话不清",),
    "sudden": (r"突然",),
    "cant_finish_sentence": (r"说不出完整的话|话都说不完|說不完整",),
    "breath_severe": (r"喘不过气|喘不過氣|呼吸困难|呼吸困難|透不过气|上不来气",),
    "lips": (r"嘴唇|嘴|脸|臉|指甲",),
    "blue": (r"发紫|發紫|青紫|发青|發青|紫",),
    "chest_pain": (r"胸(?:口|部)?(?:很|好|非常)?(?:痛|疼|闷|悶|压|壓)",),
    "chest_danger": (r"手臂|胳膊|下巴|后背|後背|冷汗|出汗|头晕|頭暈|恶心|噁心|喘不",),
    "ingest": (r"吃了|喝了|吞了|服了|吃下|服用了",),
    "pill_unit": (r"片|粒|颗|顆",),
    "poison": (r"漂白水|漂白剂|漂白劑|农药|農藥|老鼠药|老鼠藥|洗涤剂|清洁剂|清潔劑|纽扣电池|鈕扣電池",),
    "suicidal": (r"不想活|想死|自杀|自殺|结束生命|結束生命|活着没意思|活著沒意思",),
    "swelling": (r"肿|腫",),
    "airway": (r"喉咙|喉嚨|舌头|舌頭|嗓子",),
    "face_part": (r"嘴唇|脸|臉|眼睛",),
    "allergen": (r"花生|坚果|堅果|海鲜|海鮮|虾|蝦|蜜蜂|蜂|过敏|過敏|抗生素|打针|打針|吃了",),
    "hypothetical": (r"(?:如果|万一|萬一|要是).{0,25}(?:怎么办|怎麼辦|怎么做|怎麼做|该怎么|該怎麼|应该|應該)",),
    "happening_now": (r"现在|現在|正在|刚刚|剛剛",),
    "dosing_routine": (r"每天|每日|一天|每月|处方|處方|剩下",),
    "hyperbole": (
        # A shock at something seen or heard: "看到账单差点晕倒😂".
        r"(?:看到|听到|聽到|一看|看了|收到)[^，,。！!？?]{0,10}(?:差点|差點|快要?|都要)(?:儿|兒)?(?:晕倒|暈倒|晕过去|暈過去|昏倒|吓死|嚇死)",
        r"(?:累|饿|餓|笑|热|熱|冷|困|烦|煩|无聊|無聊|气|氣|忙|急)死(?:了|我了|人了)",),
}
# --- END emergency concepts -------------------------------------------------------------------
