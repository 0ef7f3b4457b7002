"""Portuguese (Brazilian and European) triage word lists, written without accents."""

from __future__ import annotations

from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule
from flows.types import Intent

LEXICON = Lexicon(
    lang="pt",
    markers=frozenset(
        {
            "nao", "voce", "obrigado", "obrigada", "estou", "meu", "minha", "com", "uma", "isso",
            "esta", "tenho", "consulta", "muito", "ola", "bom", "dia", "preciso", "quero", "filho",
            "filha", "hoje", "amanha", "vou", "sim", "tambem", "ainda", "voces", "mais", "receita",
            "dor", "peito", "mensagens", "ele", "ela", "sou", "ja", "pode", "podem", "favor",
            "marido", "mae", "pai", "agora", "tudo", "obg",
            # Portuguese-only words, and function words it shares with Spanish
            "eu", "parem", "mandem", "enviem", "recebi", "meus", "minhas", "estao", "seu", "sua",
            "para", "por", "este",
        }
    ),
    strong_markers=frozenset(
        {"nao", "voce", "obrigado", "obrigada", "estou", "isso", "muito", "ola", "preciso",
         "amanha", "vou", "tambem", "ainda", "voces", "minha", "meu", "tenho", "mensagens", "obg",
         "eu", "parem", "recebi", "estao"}
    ),
    emergency_medical=(
        # Round 2 (issue 12): a phrasing the screen missed.
        Rule("ingestao", r"\bengol\w* (?:\w+ ){0,3}(?:pilha|bateria|ima|iman|moeda)s?\b"),
        # Round 2 (issue 12): a phrasing the screen missed.
        Rule("confusao", r"\bfalando (?:coisas?|coisa) sem sentido\b|\bnao (?:esta )?falando coisa com coisa\b"),
        Rule("dor no peito", r"\b(?:dor|dores|aperto|pressao|pontada)\b{gap}(?:no |do )?peito\b|\bpeito\b{gap}(?:doendo|apertado|doi)\b"),
        Rule("falta de ar", r"\bfalta de ar\b|\bnao (?:consigo|consegue|conseguimos) respirar\b|\bdificuldade (?:para|de|pra) respirar\b"),
        Rule("avc", r"\b(?:avc|derrame)\b|\b(?:rosto|boca) (?:caid[oa]|tort[oa])\b|\bfala (?:enrolada|arrastada)\b|\bnao consegue (?:falar|mexer o braco|mexer a perna)\b"),
        Rule("desmaio", r"\b(?:desmai\w*|inconsciente|nao acorda|perdeu a consciencia|desacordad\w*|nao responde)\b"),
        Rule("convulsao", r"\bconvuls\w*"),
        Rule("sangramento", r"\bsangrando muito\b|\bsangramento (?:forte|intenso)\b|\bhemorragia\b|\bmuito sangue\b"),
        Rule("anafilaxia", r"\bgarganta (?:fechando|inchada)\b|\b(?:labios|lingua|rosto) inchad\w*"),
        Rule("overdose", r"\boverdose\b|\btomou (?:muitos|todos os) (?:comprimidos|remedios)\b"),
    ),
    emergency_mental_health=(
        Rule(
            "suicidio",
            r"\b(?:me matar|se matar|suicid\w*|nao (?:quero|quer|queria) mais viver|quer\w* morrer|"
            r"tirar (?:minha|a propria|sua) vida|me machucar|se machucar)\b",
        ),
    ),
    safety_net=(
        NetClass("medical", "choking with a blocked airway", terms=(r"\bengasg\w*",),
                 cues=(r"\bnao (?:consegue|consigo) (?:falar|tossir|respirar)\b|\b(?:ficando|ficou|esta) (?:roxo|roxa|azul)\b",),
                 window=100),
        NetClass("mental_health", "threat against the texter", terms=(
            r"\b(?:vai|quer|ameac\w*) (?:me |nos )?(?:matar|esfaquear)(?: me| nos)?\b|\bme matar\b",
        ), cues=(r"\b(?:faca|arma|revolver|pistola|escondid[ao]s?|trancad[ao]s?|bebado|bebad[ao])\b",),
            window=160),
        NetClass("medical", "gut bleeding with weakness", terms=(
            r"\b(?:vomit\w*|golfad\w*)\b(?:\W+\w+){0,2}?\W+sangue\b|\bfezes (?:\w+ )?(?:pretas?|com sangue)\b",
        ), cues=(r"\b(?:fraca?|fraqueza|tont\w*|desmai\w*|palid\w*|nao responde|desde (?:a|de) manha|muito)\b",),
            window=200),
        NetClass("medical", "allergen with a systemic reaction (pt)", terms=(
            r"\b(?:alergi\w*|camarao|frutos do mar|marisco|amendoim|castanha|abelha|vespa|marimbondo|picad\w*|"
            r"ferroad\w*|reacao|injecao|vacina)\b",
        ), cues=(
            r"\bgarganta (?:\w+ )?(?:fechando|fechada|inchad\w*|apertad\w*)\b|\b(?:labios?|lingua|rosto|cara|olhos?|"
            r"boca) (?:\w+ ){0,2}inchad\w*|\binch(?:ou|ando|ad\w*) (?:o rosto|a cara|os labios|a boca|a lingua)\b|"
            r"\b(?:corpo (?:todo|inteiro)|no corpo todo|falta de ar|dificuldade (?:para|de|pra) respirar|"
            r"nao (?:consegue|consigo) respirar|chiado|desmai\w*|tont\w*|vomit\w*)\b",
        ), window=200),
        NetClass("mental_health", "high place near despair or farewell", terms=(
            r"\b(?:na|em cima da|no alto da|no|em cima do|no alto do|na beira da|na beira do) (?:ponte|telhado|"
            r"terraco|laje|predio|varanda|janela|penhasco|trilho)\b",
        ), cues=(
            r"\b(?:nao aguento|nao consigo mais|adeus|obrigad[oa] por tudo|me perdoem|desculpa|pular|ultima vez)\b",
        ), window=200),
        NetClass("mental_health", "hopeless", terms=(
            r"\bse (?:jogar|atirar) (?:da|de|do|na|no|pela|pelo|em frente)\b|\bse enforcar\b|\bme enforcar\b",
            r"\bacabar com (?:tudo|a (?:minha|sua|propria) vida)\b|\btirar (?:a )?(?:minha|sua|propria) vida\b",
            r"\bnao (?:quero|quer) mais (?:viver|estar aqui|acordar)\b|\bsem motivo (?:para|pra) viver\b",
        )),
        NetClass("mental_health", "hopeless near means", terms=(r"\bnao aguento mais\b",),
                 cues=(r"\b(?:morrer|vida|remedios|comprimidos|arma|ponte|sumir|acabar)\b",)),
    ),
    resolved=(r"\bano passado\b|\bha (?:\d+|dois|tres|alguns) anos\b|\bja (?:estou|esta) (?:bem|melhor)\b",),
    negations=(r"\b(?:nao|sem|nunca|nem)\b",),
    symptoms=(Rule("sintomas", r"\b(?:dor|febre|tosse|tontura|diarreia|vomit\w*|enjoo|inchad\w*|coceira|gripad\w*|gripe|resfriad\w*|constipad\w*)\b"),),
    opt_out=(
        r"\bpar(?:e|em|ar|a) de (?:me |nos )?(?:enviar|mandar)\b|\bchega de (?:mensagens|sms|textos)\b",
        r"\bdeix(?:e|em|ar|a) de (?:me |nos )?(?:enviar|mandar)\b",
        r"\bnao (?:me )?(?:envie|mande|enviem|mandem) mais\b",
        r"\bnao quero (?:mais )?receber (?:mensagens|sms|textos)\b",
        r"\b(?:cancelar (?:inscricao|as mensagens)|descadastr\w*|sair da lista|remover meu numero)\b",
    ),
    opt_in=(r"\bquero voltar a receber\b",),
    clinical_questions=(
        r"\b(?:pode|posso|devo|tenho que) (?:parar|deixar de|continuar|suspender) (?:de )?(?:tomar|usar|o|a)?\b|"
        r"\bse (?:pode|posso|devo) (?:parar|continuar|tomar|dar)\b|\bse (?:e|eh) pra (?:diminuir|aumentar|parar|dar)\b",
    ),
    # Added for issue 12 (round 2): a question about one's own visit, polite complaints.
    appointment_status=(
        r"\b(?:minha|a) consulta\b(?:\W+\w+){0,6}?\W+(?:continua|ainda|esta (?:mantida|confirmada)|a que horas|que horas|onde)\b",
        r"\ba que horas (?:e|era|sera) (?:a )?(?:minha )?consulta\b",
        r"\b(?:onde|quando) (?:e|sera|fica) (?:a )?(?:minha )?consulta\b",
    ),
    upset=(
        r"\b(?:insatisfeit\w*|decepcionad\w*|desapontad\w*|chatead\w*|absurdo|falta de respeito|mal educad\w*|grosseir\w*|ninguem (?:me )?(?:ligou|liga|retornou|responde|respondeu|atende|atendeu)|(?:terceira|quarta|quinta) vez|esperei (?:mais de )?(?:uma|duas|\d+) horas?)\b",
    ),
    wants_manager=(
        r"\b(?:reclamacao|reclamar|gerente|supervisor\w*)\b",
    ),
    # A form, portal or video link that fails: a person must act (queue rule 9).
    needs_person=(r"\bcontinua (?:a )?(?:dizer|aparecer|pedir)\b|\bdiz que falta\b|\berro\b|\bnao (?:consigo|carrega|abre|funciona|aceita|deixa)\b|\bja (?:o )?carreguei\b",),
    intents=(
        # Round 2 (issue 12): the everyday words for these needs, so they are not filed as other.
        IntentRules(Intent.WRONG_NUMBER, strong=(r"\bnumero errado\b|\bnao tem nenhum\w* \w+ aqui\b|\bdeve ser engano\b|\bfoi engano\b|\bengan(?:aram|ou)-?se (?:no|de) numero\b",)),
        IntentRules(Intent.RECORDS, strong=(r"\bprocesso clinico\b|\bprontuario\b|\bhistorico (?:medico|clinico)\b|\bregist(?:r)?os? medicos\b|\bcarteira de vacina\w*\b",)),
        IntentRules(Intent.PORTAL, weak=(r"\bportal\b|\bsenha\b",)),
        IntentRules(Intent.HELP, strong=(
            r"^\W*o que e (?:isso|isto|essa mensagem)\W*$|\bque mensagem e essa\b",
            r"^\W*quem (?:e|fala|esta falando|sao voces|e voce)\b|\bquem (?:me )?ligou\b|\bque numero e (?:esse|este)\b|\bde quem e (?:esse|este) numero\b|\bpor ?que (?:estou|to|eu) (?:recebendo|a receber)\b",
        )),
        IntentRules(Intent.LANGUAGE, strong=(
            r"\bem portugues\b",
        )),
        IntentRules(Intent.RESCHEDULE, strong=(r"\bremarcar\b|\bmudar (?:a |minha )?consulta\b",)),
        IntentRules(Intent.REFERRAL, strong=(r"\bencaminhamento\b|\bguia para (?:o )?especialista\b",)),
        IntentRules(Intent.SCHEDULE, strong=(r"\bmarcar (?:uma )?consulta\b|\bagendar\b",)),
        IntentRules(Intent.TEST_RESULTS, strong=(r"\bresultados?\b|\bexames?\b",)),
        IntentRules(Intent.REFILL, strong=(r"\breceita\b|\brenovar\b",)),
        IntentRules(Intent.CANCEL, strong=(r"\bdesmarcar\b|\bcancelar (?:a |minha )?consulta\b",)),
        IntentRules(Intent.BILLING, strong=(r"\b(?:boleto|pagamento|fatura|conta de|uma conta|cobran\w*|paguei)\b",)),
        IntentRules(Intent.INSURANCE, strong=(r"\b(?:convenio|plano de saude)\b",)),
        IntentRules(Intent.LANGUAGE, strong=(r"\bem portugues\b",)),
        IntentRules(Intent.CONFIRM, weak=(r"\b(?:confirmo|estarei la|vou sim)\b",)),
        IntentRules(Intent.THANKS, weak=(r"\b(?:obrigad[oa]|obg)\b",)),
    ),
    confirm_words=frozenset({"sim", "confirmo", "claro"}),
    done_words=frozenset({"ja preenchi", "preenchi", "pronto", "feito", "ja enviei", "ja terminei"}),
)

# --- BEGIN emergency concepts (flows/triage/concepts.py) --------------------------------------
CONCEPT_NUMBERS = {
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6,
    "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "quinze": 15,
    "vinte": 20, "trinta": 30,
}
CONCEPT_TERMS = {
    "day": (r"dias?\b",),
    "week": (r"semanas?\b",),
    "month": (r"mes(?:es)?\b",),
    "year": (r"anos?\b", r"aninhos?\b"),
    "duration_before": (r"\b(?:ha|faz|desde|durante|por|ja)\s+(?:\w+\s+)?$",),
    "duration_after": (r"^\W*(?:seguid\w*|sem parar)\b",),
    "age_marker": (r"\bde (?:idade|vida|nascid\w*)\b", r"\b(?:bebe|filh[oa]|crianca|nenem)\s+de\s+\S+\s+\w+\b", r"\btem \S+ (?:dias|semanas|mes|meses|anos)\b"),
    "child": (r"\b(?:bebe|nenem|neném|crianca|filh[oa]s?|menin[oa]|net[oa])\b",),
    "newborn": (r"\brecem[- ]nascid[oa]s?\b",),
    "fever": (r"\b(?:febre|febril|ardendo em febre|queimando de febre)\b",),
    "temp_label": (r"\b(?:temperatura|termometro|graus)\b",),
    "lethargy": (
        r"\b(?:muito mole|molinh[oa]|mole|prostrad[oa]|abatid[oa]|nao (?:quer )?(?:beber|mamar|tomar) nada|"
        r"nao (?:quer )?mamar|nao acorda|dificil de acordar|sonolent[oa] demais|nao reage|largad[oa])\b",
    ),
    "bleed": (r"\b(?:sangr\w*|sangue|hemorragia)\b",),
    "nonstop": (
        r"\bnao (?:\w+ )?(?:para|parou|estanca|estancou|para de)\b|\bsem parar\b|\b(?:muito|muit[oa]|demais|"
        r"bastante)\b|\bencharc\w*|\bha (?:uma |\d+ |meia )?(?:hora|horas|minutos)\b",
    ),
    "pregnant": (r"\b(?:estou|to|tou) com \d{2} semanas\b", r"\b(?:gravida|gestante|gravidez|gestacao|pre ?natal)\b",),
    "late_pregnancy": (r"\bterceiro trimestre\b|\bdata (?:prevista )?do parto\b",),
    "gestation_week": (),
    "fetal_movement": (r"\b(?:mexe\w*|mexer|movimentos?|chut\w*|se mover)\b",),
    "reduced": (r"\b(?:nao|parou de|quase nao|menos|pouco|ja nao)\b",),
    "fetal_movement_reduced": (r"\bnao (?:estou |to )?sent\w* (?:o |meu )?bebe\b",),
    "preeclampsia": (
        r"\bdor de cabeca (?:muito )?(?:forte|horrivel|terrivel|que nao passa)|\b(?:vista|visao) "
        r"(?:\w+ )?(?:embacad\w*|turva|borrad\w*)|\bvendo (?:pontos|estrelinhas|luzes)\b",
    ),
    "face_droop": (r"\b(?:boca|rosto|cara)\b(?:\W+\w+){0,3}?\W+(?:tort[oa]|caid[oa]|repuxad[oa]|entortou)\b",),
    "arm_weak": (r"\bnao (?:consegue|conseguia) (?:levantar|mexer) o (?:braco|perna)\b|\b(?:braco|perna)\b{gap}(?:fraco|dormente|sem forca|mole)\b",),
    "speech_slurred": (r"\bfala (?:\w+ )?(?:enrolad\w*|arrastad\w*|estranh\w*)|\bfalando (?:enrolado|estranho|embolado)\b|\bnao consegue falar\b",),
    "sudden": (r"\b(?:de repente|do nada|subit\w*|repentin\w*)\b",),
    "cant_finish_sentence": (r"\bnao (?:consigo|consegue) (?:terminar|completar) (?:uma )?(?:frase|palavra)s?\b",),
    "breath_severe": (r"\brespirando com (?:muita )?dificuldade\b|\bnao consegue respirar\b",),
    "lips": (r"\b(?:labios?|boca|unhas|rosto)\b",),
    "blue": (r"\b(?:rox[oa]s?|arroxead[oa]s?|azul\w*)\b",),
    "chest_pain": (r"\b(?:dor|aperto|pressao|peso)\b{gap}peito\b|\bpeito\b{gap}(?:doendo|doi|apertado)\b",),
    "chest_danger": (r"\b(?:braco|mandibula|queixo|costas|ombro|suando|suor|suor frio|tontura|nausea\w*|falta de ar)\b",),
    "ingest": (r"\b(?:tomou|tomei|engoliu|engoli|bebeu|comeu|ingeriu)\b",),
    "pill_unit": (r"\b(?:comprimidos?|pilulas?|capsulas?|remedios?)\b",),
    "poison": (r"\b(?:agua sanitaria|candida|veneno|chumbinho|soda caustica|detergente|gasolina|raticida)\b",),
    "suicidal": (
        r"\bquero (?:me matar|morrer|sumir pra sempre)\b|\bnao quero mais viver\b|\bvou me matar\b|"
        r"\bpensando em (?:me matar|suicid\w*|tirar minha vida)\b",
    ),
    "swelling": (r"\b(?:inch\w*|inflamad\w*|fechando)\b",),
    "airway": (r"\b(?:garganta|lingua)\b",),
    "face_part": (r"\b(?:labios?|rosto|olhos|boca)\b",),
    "allergen": (r"\b(?:amendoim|castanha\w*|camarao|frutos do mar|abelha|vespa|picad\w*|antibiotico|penicilina|injecao|alergi\w*|comeu|tomar|tomei)\b",),
    "hypothetical": (r"\bo que (?:eu )?(?:devo|faco|fazer|a gente faz) (?:fazer )?(?:se|quando|caso)\b|\bcaso (?:ele|ela|eu) (?:tenha|tiver)\b",),
    "happening_now": (r"\b(?:agora|neste momento|esta tendo|ta tendo)\b",),
    "dosing_routine": (r"\b(?:por dia|ao dia|diari\w*|por mes|ao mes|receita|sobraram|restam)\b",),
    "hyperbole": (r"\b(?:morr\w*|morto|morta) de (?:vergonha|rir|fome|tedio|sono|calor|frio|saudade|cansaco)\b|\bquero morrer de\b",),
}
# --- END emergency concepts -------------------------------------------------------------------
