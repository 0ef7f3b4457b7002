"""Spanish triage word lists, including US Spanish texting habits ("q", "porfa", "ocupo").

Patterns run over normalised text: lowercase, no accents ("manana", "mas", "sera"), SMS
abbreviations expanded ("q" -> "que", "xq" -> "porque", "d" -> "de").
"""

from __future__ import annotations

from flows.triage.lexicon.en import CHRONIC_NEURO
from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule
from flows.types import Intent

_SU = r"(?:el|la|su|mi|los|las|sus|mis)"

EMERGENCY_MEDICAL = (
    Rule(
        "dolor de pecho",
        r"\b(?:dolor|dolores|duele|duelen|dolia|presion|opresion|aprieta|apretado|pesadez|ardor|"
        r"punzadas?)\b{gap}(?:de |en |del )?(?:el |mi |su )?pecho\b",
    ),
    Rule(
        "dolor de pecho",
        r"\bpecho\b{gap}(?:duele|dolor|apretado|aprieta|presion|oprimido|pesado|punzadas?)",
    ),
    Rule("infarto", r"\b(?:infarto|ataque al corazon|ataque cardiaco)\b"),
    Rule(
        "no puede respirar",
        r"\b(?:no puedo|no puede|no podia|no pude|no podemos|dificultad para|me cuesta|le cuesta|"
        r"trabajo para|problemas para) respirar\b",
    ),
    Rule("no puede respirar", r"\b(?:me|le|nos|se) (?:falta|faltaba) (?:el )?aire\b|\bfalta de aire\b"),
    Rule("no puede respirar", r"\bahog\w*|\bsofoc\w*"),
    Rule("no puede respirar", r"\brespir\w*\b{gap}(?:raro|rapido|mal|dificil|feo|extrano|agitad\w*)"),
    Rule("no respira", r"\bno (?:esta )?respira\w*\b"),
    Rule("labios morados", r"\b(?:labios|cara|piel|unas)\b{gap}(?:morad\w*|azul\w*)"),
    Rule(
        "cara caida",
        r"\b(?:cara|boca|labio)\b{gap}(?:caid\w*|chuec\w*|torcid\w*|dormid\w*|paralizad\w*|"
        r"de lado|colgad\w*)",
    ),
    Rule("cara caida", r"\b(?:se le|se me) (?:cae|cayo|callo|torcio|durmio) (?:la cara|la boca|un lado)"),
    Rule(
        "habla raro",
        r"\bhabla\w* (?:muy )?(?:raro|rara|chistoso|mal|arrastrad\w*|enredad\w*|incoheren\w*|"
        r"cosas sin sentido|trabad\w*)",
    ),
    Rule("habla raro", r"\bno se le entiende\b|\barrastra (?:las palabras|la lengua)\b|\bincoheren\w*"),
    Rule(
        "debilidad de un lado",
        r"\b(?:no (?:puede|puedo|podia|pudo|pueda|pude|podemos)) (?:mover|levantar|sentir)(?: bien)? "
        + _SU + r" (?:brazo|pierna|mano|lado)",
        unless=CHRONIC_NEURO,
    ),
    Rule(
        "cara caida",
        r"\bse (?:me|le) (?:duerme|durmio|entumio|entume|adormece|adormecio|cae|cayo) (?:la cara|la boca|"
        r"medio lado|un lado|la mitad de la cara)\b",
        unless=CHRONIC_NEURO,
    ),
    Rule(
        "debilidad de un lado",
        r"\b(?:brazo|pierna|mano|lado)\b{gap}(?:dormid\w*|entumid\w*|sin fuerza|debil|paralizad\w*)",
        unless=CHRONIC_NEURO,
    ),
    Rule("derrame", r"\b(?:derrame|embolia|ictus)\b"),
    Rule(
        "confusion",
        r"\b(?:esta|anda|se puso|muy|bien)\s+(?:\w+\s+)?(?:confundid\w*|desorientad\w*|perdid\w*)\b"
        r"(?!\s+(?:con|sobre|por|de))",
    ),
    Rule("confusion", r"\bno sabe (?:que dia|donde esta|quien soy|quien es)\b"),
    Rule("peor dolor de cabeza", r"\bpeor dolor de (?:cabeza|mi vida|su vida)\b"),
    Rule(
        "dolor de cabeza con cuello rigido",
        r"\bdolor de cabeza\b",
        also=(r"\bcuello (?:tieso|rigido|duro|engarrotado)\b",),
    ),
    Rule(
        "golpe en la cabeza",
        r"\b(?:golpe\w*|peg(?:o|ue|aron)|se pego|me pegue|ca(?:yo|i|imos|yeron)|se cayo|me cai|"
        r"azot\w*|tropez\w*|resbal\w*)\b.{0,40}\bcabeza\b",
        also=(
            r"\b(?:vomit\w*|confundid\w*|no reacciona|dormid\w*|desmay\w*|no habla|devolvi\w*|"
            r"veo doble|ve doble|vision (?:doble|borrosa)|borros\w*|no (?:veo|ve) bien|coumadin|"
            r"warfarin\w*|eliquis|xarelto|anticoagulante\w*|adelgaza\w* la sangre)",
        ),
    ),
    Rule(
        "sangrado fuerte",
        r"\b(?:no (?:para|deja|paraba) de sangrar|sangr\w* (?:mucho|demasiado|bastante|sin parar)|"
        r"mucha sangre|sangrado (?:fuerte|abundante|mucho)|hemorragia|chorros de sangre)\b",
    ),
    Rule(
        "sangrado fuerte",
        r"\b(?:vomit\w*|devolv\w*|escup\w*|tos\w*|arroj\w*)\b{gap}sangre\b",
    ),
    Rule(
        "anafilaxia",
        r"\bgarganta\b{gap}(?:cerr\w*|cierra|hinch\w*|apret\w*|inflam\w*)",
    ),
    Rule(
        "anafilaxia",
        r"\b(?:se me|se le|se nos|se les)\s+(?:esta\s+|estan\s+)?(?:hinchando|hincharon|hincho|"
        r"inflamando|inflamaron|inflamo)\s+(?:la lengua|los labios|la cara|la garganta|la boca)",
    ),
    Rule(
        "anafilaxia",
        r"\b(?:labios|lengua|cara|garganta)\b{gap}(?:hinchad\w*|inflamad\w*)",
        also=(r"\b(?:pique|pico|picadura|abeja|comi|comio|alergi\w*|pastilla|medicina|respir\w*|aire)",),
    ),
    Rule("anafilaxia", r"\breaccion alergica\b", also=(r"\b(?:hinch\w*|garganta|respir\w*|labios|lengua|aire)",)),
    Rule("convulsiones", r"\b(?:convulsion\w*|convulsiona\w*|ataque epileptico|le dio un ataque)\b"),
    Rule(
        "desmayo",
        r"\b(?:se desmay\w*|desmayad\w*|inconsciente|perdio el conocimiento|perdio el sentido|"
        r"no reacciona|no responde|se desvanecio)\b",
    ),
    Rule("no despierta", r"\bno (?:se )?(?:quiere |puede )?(?:despierta\w*|despertar\w*)\b"),
    Rule("sobredosis", r"\bsobredosis\b"),
    Rule(
        "sobredosis",
        r"\b(?:se )?(?:tomo|tome|trago|trague|comio)\b{gap}(?:muchas|todas|un monton de|demasiadas|"
        r"un frasco de|el frasco)\b",
    ),
    Rule("sobredosis", r"\bse (?:trago|comio|tomo)\b{gap}(?:pila|pilas|bateria|pastillas|cloro|veneno)"),
    Rule("sobredosis", r"\b(?:pila|pilas|bateria|baterias) (?:redond\w*|de boton|chiquit\w*)"),
    Rule("sangrado en embarazo", r"\b(?:sangr\w*|coagulos)\b", also=(r"\bembarazad\w*",)),
    Rule("bebe no se mueve", r"\b(?:bebe|nino|nina)\b{gap}no se (?:mueve|ha movido|siente)"),
    Rule("se rompio la fuente", r"\bse (?:me |le )?rompio la fuente\b"),
    Rule(
        "bebe decaido",
        r"\b(?:aguadit\w*|muy dormid\w*|desguanzad\w*|decaid\w*|lacio|no reacciona|sin fuerza|"
        r"no quiere (?:comer|mamar))\b",
        also=(
            r"\b(?:bebe|baby|recien nacid\w*|\d+\s*(?:mes|meses|semanas|dias))\b",
            r"\b(?:fiebre|calentura|temperatura)\b",
        ),
    ),
    Rule(
        "bebe con fiebre",
        r"\b(?:fiebre|calentura)\b",
        also=(r"\b(?:recien nacid\w*|\d+\s*(?:semanas|dias) de nacid\w*|\d+\s*(?:semanas|dias))\b",),
    ),
)

EMERGENCY_MENTAL_HEALTH = (
    Rule("no quiere vivir", r"\b(?:ya\s+)?no quiero (?:seguir )?(?:viv\w*|estar aqui|existir)\b"),
    Rule("no quiere vivir", r"\bno quiere (?:seguir )?viv\w*\b"),
    Rule("quiere morir", r"\b(?:quiero|quiere|quisiera) morir\w*\b|\bme quiero morir\b"),
    Rule("quiere morir", r"\bganas de (?:morir\w*|matarme|no despertar|desaparecer)\b"),
    Rule("quiere morir", r"\bno (?:quiero|quiere) (?:seguir aqui|despertar)\b|\bpara que seguir\b"),
    Rule(
        "quiere morir",
        r"\b(?:dormir\w*|acostar\w*|quedar\w* dormid[oa])\s+(?:\w+\s+)?y\s+(?:ya\s+)?no\s+(?:volver a\s+)?"
        r"despertar\w*|\bno (?:volver a )?despertar (?:nunca|jamas|mas)\b",
    ),
    Rule("suicidio", r"\bsuicid\w*|\bquitar(?:me|se|le) la vida\b"),
    Rule("suicidio", r"\b(?:matarme|matarse|me voy a matar|me quiero matar|se quiere matar|se va a matar)\b"),
    Rule(
        "suicidio",
        # Reflexive self-harm only: "me voy a / se va a quitar la vida", not "me va a matar" (idiom).
        r"\b(?:me (?:voy a|quiero|pienso|intente|iba a|queria)|se (?:va a|quiere|piensa|intento|"
        r"iba a|queria))\s+(?:\w+\s+){0,2}?(?:quitar la vida|suicidar|matar)\b",
    ),
    Rule(
        "arma",
        r"\b(?:pistola|arma|rifle|escopeta|cuchillo|navaja)\b",
        also=(r"\b(?:matar\w*|quitar\w* la vida|morir\w*|suicid\w*|no quiere vivir|no quiero vivir)\b",),
    ),
    Rule("no aguanto mas", r"\bno aguanto mas\b", also=(r"\b(?:vivir|morir|desaparecer|nadie|vida|matar|todo)\b",)),
    Rule("quiere desaparecer", r"\b(?:quiero|quiere) desaparecer\b|\bdejar de existir\b"),
    Rule("nadie me va a extranar", r"\bnadie (?:me )?(?:va a|iba a|van a) extran\w*"),
    Rule("mejor sin mi", r"\b(?:estarian|estan|estaran) mejor sin mi\b|\bmejor (?:muert[oa])\b"),
    Rule(
        "autolesion",
        r"\b(?:cortarme|me corto|me estoy cortando|me sigo cortando|hacerme dano|lastimarme|"
        r"me lastimo|me hago dano|cortandose|se corta)\b",
    ),
    Rule(
        "dano a otros",
        r"\b(?:matar|lastimar|hacerle dano|balacear|apunalar)\s+(?:a\s+)?(?:alguien|mi|su|el|ella|"
        r"ellos|esa|ese)\b",
    ),
    Rule("despedida", r"\b(?:adios|me despido)\b", also=(r"\b(?:perdon|deprimid\w*|no contesta|carta)\b",)),
)

IDIOMS = (
    r"\bcasi me (?:da|dio|daba) (?:un )?(?:infarto|ataque|patatus|algo)\b",
    r"\bcasi me (?:desmayo|desmaye|muero|mori)\b(?=\W+(?:cuando vi|al ver|cuando (?:me )?llego))",
    r"\bme (?:va|iba) a dar algo\b",
    r"\bme (?:va|iba|vas|van) a dar (?:un )?(?:infarto|ataque)\b",
    r"\bme muero (?:de|por) (?:\w+ ){0,2}",
    r"\b(?:muert[oa]s?|morir\w*) de (?:la )?(?:risa|ganas|hambre|verguenza|sueno|aburrimiento)\b",
    r"\bme (?:esta|estan) matando (?:la espera|el trabajo)\b",
    r"\bme (?:mata|matan) (?:la espera|el trabajo|la curiosidad)\b",
)

NEGATIONS = (
    r"\b(?:no|sin|nunca|ni|nada|tampoco|niega|ningun|ninguna)\b",
    r"\bsi (?:me|le|te|nos) (?:da|dan|diera|sale|pasa|vuelve|llega)\b",
    r"\ben caso de\b|\bpor si\b",
)

RESOLVED = (
    r"\bya (?:estoy|esta|me siento|se siente|anda|andamos|estamos) (?:muy |mucho )?(?:bien|mejor)\b",
    r"\b(?:estoy|esta|me siento|se siente) (?:bien|mejor) (?:ahora|ya)\b",
    r"\bhace (?:muchos |varios )?anos\b|\bhace (?:mucho )?tiempo\b|\bel ano pasado\b|\bhace (?:\d+|un|una|dos|tres|varios|unos) (?:anos|meses|ano)\b",
    r"\bya (?:se me|se le) (?:paso|quito)\b|\bya paso\b|\bya se recupero\b",
)

SETTLED = (
    r"\bdado de alta\b|\bestable\b|\bsalio bien\b|\btodo (?:salio )?normal\b",
    r"\b(?:me|le|lo|la|nos|les) (?:dieron|dio) (?:de )?alta\b",
)

ONGOING = (
    r"\b(?:otra vez|de nuevo|todavia|aun|ahorita(?! (?:ya )?(?:esta|estoy|anda|se siente|me siento) "
    r"(?:bien|mejor|perfecto))|ahora mismo|desde (?:esta|hace|ayer|anoche)|"
    r"sigue|empeor\w*|cada vez (?:mas|peor))\b",
)

SYMPTOMS = (
    Rule(
        "dolor",
        r"\b(?:dolor|dolores (?:de|en|muy|fuertes)|duele|duelen|dolia|doliendo|dolido|adolorid\w*|"
        r"punzadas?|colicos?|me mata)\b",
    ),
    Rule("fiebre", r"\b(?:fiebre|calentura|temperatura|escalofrios)\b"),
    Rule("respiratorio", r"\b(?:tos|tos\w+|gripa|gripe|flema|mocos|congestion\w*|garganta|oido|oidos|sinusitis)\b"),
    Rule("estomago", r"\b(?:vomit\w*|diarrea|nause\w*|asco|devolv\w*|estrenid\w*)\b"),
    Rule(
        "piel o hinchazon",
        r"\b(?:hinch\w*|inflamad\w*|ronchas|sarpullido|comezon|picazon|pica|me pican|sangre|sangr\w*|"
        r"moreton|infeccion|infectad\w*|llorosos|granos?|bolita)\b",
    ),
    Rule("mareo", r"\b(?:mareo\w*|marea\w*|desmay\w*|entumid\w*|hormigueo|tembloros\w*|temblor\w*|tiemblo)\b"),
    Rule("parasitos o piel", r"\b(?:piojos|liendres|sarna|lombrices|hongos?|verrugas?|oxiuros)\b"),
    Rule("orina", r"\b(?:ardor|arde|al orinar)\b"),
    Rule("animo", r"\b(?:deprimid\w*|depresion|ansiedad|no puedo dormir|triste todo el tiempo)\b"),
    Rule("medicamento", r"\b(?:(?:se me|se le) olvid\w* (?:tomar|darle|ponerme|ponerle|mi|la|las|el|los)(?! (?:cita|consulta|turno|"
         r"formas?|papeles|tarjeta|contrasena|clave)\b)|olvide "
         r"(?:tomar|darle)|(?:tome|le di|me tome) (?:doble|dos veces|de mas))\b"),
    Rule("medicamento", r"\b(?:efectos? secundarios?|me (?:da|dio|causa|hace) (?:mucha |mucho )?(?:tos|mareo|dolor|comezon|nausea|diarrea))\b"),
    Rule("signos vitales", r"\b(?:presion|azucar|glucosa)\b{gap}(?:alta|baja|en \d+|de \d+|\d{2,3})"),
    Rule("signos vitales", r"\b(?:presion|azucar|glucosa)\b(?:\W+\w+){0,6}?\W+(?:en |de )?(?:treinta|cuarenta|"
         r"cincuenta|sesenta|doscientos|trescientos|cuatrocientos|quinientos)\b"),
    Rule("enfermedad", r"\b(?:enferm[oa]s?|malit[oa]|lastimad\w*|torcedura|me torci|salio positivo|covid positivo)\b"),
)

CLINICAL_QUESTIONS = (
    r"\b(?:puedo|podria|debo|deberia|se puede) (?:dejar de|parar de|suspender|quitarme) (?:tomar|usar|la|el|las|los)\b",
    r"\b(?:se me olvido|olvide|no (?:me )?tome|se me paso)\b(?:\W+\w+){0,4}?\W+(?:pastillas?|medicinas?|"
    r"medicamentos?|dosis|insulina|inyeccion)\b.{0,80}\b(?:la tomo|lo tomo|tomarla|tomarlo|me la salto|espero|ahora o)\b",
    r"\b(?:puedo|podra|puede) (?:tomar|comer|beber)\b.{0,60}\bantes de (?:los|mis|el|la|sus)? ?(?:analisis|"
    r"laboratorios?|estudios|examen(?:es)? de sangre|ayun\w*|cirugia|procedimiento|colonoscopia)\b",
    r"\b(?:es|sera|seria) (?:algo )?(?:normal|grave|malo|peligroso|contagioso)\b",
    r"\bque (?:me )?(?:recomiendan|recomienda|puedo tomar|puedo darle|le doy|tomo|hago|hacemos|le hago)\b",
    r"\b(?:le|me) (?:puedo|podemos) (?:dar|tomar|poner)\b",
    r"\b(?:tengo|tiene|tenemos) que ir\b|\b(?:debo|deberia|debe) (?:ir|tomar|dejar|seguir|llevarl\w*)\b",
    r"\b(?:me|le) pueden (?:mandar|recetar|dar) algo\b",
    r"\b(?:cambiar|subir|bajar|ajustar|aumentar|disminuir)(?:me|le)? (?:la|mi|su) dosis\b",
    r"\b(?:que|cual) (?:champu|crema|pomada|jarabe|medicina|medicamento|pastilla|remedio|gotas) (?:le |me )?"
    r"(?:compro|doy|pongo|uso|tomo|recomienda\w*)\b",
    r"\ble subo\b|\bdejo de tomar\b|\blo llevo\b|\bla llevo\b|\blos llevo\b",
    r"\b(?:me )?(?:la|lo|las|los) (?:tomo|tomamos|doy|damos) (?:ahorita|ahora|ya|de una vez|o)\b|\bo (?:me )?espero\b",
    r"\b(?:me |la |lo )?(?:tomo|tomar\w*|doy) (?:doble|dos)\b|\bdoble dosis\b",
    r"\bque (?:le|me|se le) (?:pongo|unto|echo|aplico|doy)\b",
    r"\b(?:subir|bajar|aumentar|disminuir|ajustar|cambiar)(?:le|la|lo|me)? a (?:la|el|mi|su) \w+",
    r"\b(?:puede|puedo|podemos|pueden) (?:seguir )?tomar (?:la|el|las|los|su|mi|sus|mis)\b(?! (?:cita|consulta|llamada))",
    r"\b(?:es|sera) (?:algo )?(?:de )?preocupa\w*|\bme (?:debo|tengo que) preocupar\b",
)

OPT_OUT = (
    r"\bpar(?:en|e|ale|enle) de (?:mandar|enviar|escribir|textear)(?:me|nos)?\b",
    r"\bno (?:me )?(?:mande|manden|envie|envien|escriban|mandes|envies) mas\b",
    # "favor de no mandarme mas textos", "le pido no enviarme mensajes".
    r"\bno (?:mandar|enviar|escribir|textear)(?:me|nos|le)? (?:mas |ningun |ningunos |los |estos )?"
    r"(?:mensajes|textos|msjs?|recordatorios|sms)\b",
    r"\bno mas (?:mensajes|textos|msjs?|recordatorios|sms)\b",
    r"\bya no (?:me )?(?:manden|envien|mande|envie|escriban|mandes|envies)\b",
    r"\bya no quiero (?:recibir|mas|que me (?:manden|envien|escriban)|mensajes|textos)\b",
    r"\bdej(?:en|e|a|ar) de (?:mandar|enviar|escribir)(?:me|nos)?\b",
    r"\bno quiero (?:recibir )?(?:mas |ningun |ningunos |los )?(?:mensajes|textos|recordatorios|sms)\b",
    r"\b(?:quitenme|quiteme|sacame|saquenme|borren|borrenme|eliminen|quiten) (?:de|mi numero|mi)\b",
    r"\bdar(?:me)? de baja\b|\bdenme de baja\b",
    r"\bcancelar (?:los )?(?:mensajes|textos|suscripcion)\b",
    r"\bparen (?:de|los) (?:mensajes|textos|mandar)\b",
    r"\bbasta (?:de|con) (?:los )?(?:mensajes|textos|recordatorios|msjs?)\b",
    r"\b(?:que )?no me (?:escriban|escriba|escribas|texteen|textees)\b",
    r"\bno (?:me )?(?:manden|envien|mande|envie|mandes|envies) (?:mas )?(?:mensajes|textos|"
    r"recordatorios|msjs?)\b",
    r"\bya no (?:necesito|quiero|ocupo) (?:los |estos |sus |mas |ningun )?(?:mensajes|textos|recordatorios)\b",
    r"\b(?:fallecio|murio|falleci\w*)\b.{0,80}\b(?:mensajes|textos|recordatorios|lista)\b",
)

OPT_IN = (
    r"\b(?:quiero|quisiera|me gustaria) volver a recibir\b",
    r"\bvuelv(?:an|a) a (?:mandar|enviar)(?:me)?\b",
    r"\b(?:pueden|puede|podrian|podria)?\s?volver a (?:mandar|enviar)(?:me|nos)? (?:los |mis )?(?:mensajes|"
    r"textos|recordatorios)\b",
    r"\b(?:activen|reactiven|activar|reactivar) (?:los |mis |de nuevo los )?(?:mensajes|textos|recordatorios)\b",
    r"\b(?:mandenme|envienme) (?:los )?(?:mensajes|recordatorios|textos) (?:otra vez|de nuevo)\b",
    r"\b(?:mandar|enviar|mande|manden|envie|envien)(?:me|nos)?\s+(?:los |mis )?(?:mensajes|textos|"
    r"recordatorios)\s+(?:otra vez|de nuevo|nuevamente)\b",
)

#: Questions about one's own visit: whether it still stands, when, where.
_CITA = r"(?:mi|la|nuestra|su) (?:cita|consulta)"
APPOINTMENT_STATUS = (
    r"\b" + _CITA + r"\b(?:\W+\w+){0,6}?\W+(?:sigue|todavia|aun) (?:en pie|vigente|confirmad\w*|programad\w*|igual|"
    r"es|esta)\b",
    r"\b(?:sigue|todavia|aun)(?: \w+)? (?:en pie|vigente)\b|\btodavia tengo (?:la |mi )?cita\b",
    r"\b(?:a )?que hora (?:es|era|sera|seria|tengo) (?:mi|la)\b",
    r"\b" + _CITA + r"\b(?:\W+\w+){0,12}?\W+(?:a )?que hora (?:es|era|sera)\b",
    r"\b(?:donde|en (?:que|cual) (?:clinica|oficina|sucursal|consultorio|direccion)) (?:es|sera|era|queda|tengo) "
    + _CITA + r"\b",
    r"\bsigue (?:en pie )?" + _CITA + r"\b|\bmi cita (?:\w+ ){0,3}?es (?:a las|el|en)\b[^.!?]{0,30}\?",
    # "tengo cita mañana, creo que es a las dos pero no me acuerdo si es en la oficina...".
    r"\btengo (?:una )?cita\b(?:\W+\w+){0,12}?\W+(?:no me acuerdo|no recuerdo|a que hora|en (?:que|cual) "
    r"(?:oficina|clinica|sucursal))\b",
)

INTENTS = (
    IntentRules(
        Intent.COMPLAINT,
        strong=(
            r"\b(?:encargad[oa]|gerente|supervisor\w*|queja|quejarme|poner una queja|la jefa|el jefe)\b",
            r"\b(?:me|nos|le) (?:trato|trataron|trata|tratan) (?:bien |muy )?(?:feo|mal|grosero)\b",
            r"\bgroser[oa]s?\b|\bmaleducad\w*|\bfalta de respeto\b",
            r"\bnadie (?:me |nos )?(?:ha |han )?(?:venido|atendido|contestado|llamado)\b",
            r"\bllevo (?:\d+|una|media|mas de) (?:min|minutos|horas?|hora) esperando\b",
        ),
    ),
    IntentRules(
        Intent.WRONG_NUMBER,
        strong=(
            r"\bnumero equivocado\b|\bse equivoc\w* de numero\b|\bequivocad[oa]s? de numero\b",
            r"\bno conozco a\b|\baqui no (?:vive|hay|trabaja) (?:ningun\w*|nadie)\b",
            r"\b(?:este|ese) (?:cel|celular|numero|telefono) es (?:de mi trabajo|mio|de mi)\b",
            r"\b(?:este|ese) (?:ya )?no es el (?:cel|celular|numero|telefono) de\b|\bno soy (?:el|la|yo)\b",
        ),
    ),
    IntentRules(
        Intent.HELP,
        strong=(
            r"^\W*(?:ayuda|informacion)\W*$",
            r"^\W*(?:que|q) es (?:esto|este mensaje|eso)\W*$|\bque (?:es|son) (?:este|estos) mensajes?\b",
            r"\bquien (?:es|eres|habla|me escribe|me manda)\b",
            r"\bde (?:que|donde) (?:clinica|oficina|numero)\b",
            r"\b(?:es|esto es|sera) (?:un |una )?(?:spam|estafa|fraude)\b|\b(?:esto|este mensaje) es (?:real|de verdad)\b|"
            r"\bo (?:es )?(?:spam|una estafa)\b|"
            r"\bcomo (?:consiguieron|obtuvieron|tienen) (?:mi|este) numero\b",
            r"\bde donde (?:me |nos )?(?:estan|esta|escriben|escribe|llaman|mandan|habla)\b|"
            r"\bque numero es (?:este|ese)\b|\bquien (?:me )?(?:llamo|marco|hablo)\b|\bllamada perdida de (?:este|su) numero\b|"
            r"\bde quien es (?:este|ese) numero\b|"
            r"\bpor que (?:me )?(?:llegan|llega|mandan|manda|escriben|envian|estan mandando|siguen mandando|recibo)"
            r"(?: \w+){0,2}? (?:mensajes|textos|estos|esto|mensajitos)\b|"
            r"\bno (?:reconozco|conozco) (?:este|el|su|ese) numero\b|\bquien (?:me |nos )?(?:esta|estan) "
            r"(?:escribiendo|mandando|llamando)\b",
        ),
    ),
    IntentRules(
        Intent.LANGUAGE,
        strong=(
            r"\ben (?:espanol|ingles|vietnamita|chino|coreano|arabe|ruso|portugues)\b",
            r"\b(?:espanol|ingles),? (?:por favor|porfa|porfavor)\b",
            r"\b(?:escribir|escribirme|hablarme|mandarme|contestarme) en (?:espanol|ingles)\b",
        ),
    ),
    IntentRules(
        Intent.REFILL,
        strong=(
            r"\brecetas?\b|\bresurt\w*",
            r"\b(?:renov\w*|surt\w*|rellen\w*) (?:la |mi |de )?(?:receta|medicina|medicamento|pastillas)",
            r"\b(?:ya )?(?:se me|se le) (?:acabo|acabaron|termino|terminaron)\b",
            r"\b(?:se me|se le|se nos) (?:esta|estan) (?:acabando|terminando)\b|\bme (?:estoy|quede) sin (?:mi |mis |la |las )?"
            r"(?:pastillas?|medicinas?|medicamentos?|insulina|inhalador)\b",
            r"\b(?:mand|envi)\w* (?:a la farmacia|al (?:walmart|cvs|walgreens|heb|sams|costco|target|kroger))\b",
            r"\bya (?:casi )?no (?:me|le) (?:queda|quedan)\b|\bya (?:solo |nomas |nada mas )?(?:me|le) quedan?\b",
            r"\b(?:manden|mande|mandar|envien|enviar) (?:mi|la|las|mis) (?:medicina|receta|pastillas|"
            r"medicamentos?)\b",
        ),
        weak=(r"\bfarmacia\b",),
    ),
    IntentRules(
        Intent.TEST_RESULTS,
        strong=(
            r"\b(?:me|le|nos) (?:hicieron|tomaron|sacaron) (?:los |unos |el |un |la |una )?(?:analisis|examen\w*|"
            r"estudios?|laboratorios?|pruebas?|sangre)\b.{0,120}\b(?:si ya (?:salieron|salio|estan|llegaron)|"
            r"no me han (?:llamado|dicho))",
            r"\bresultados?\b",
            r"\b(?:que|qu) (?:dijeron|salio|salieron|paso) (?:de|con) (?:los|las|el|la|mis|sus) (?:estudios?|analisis|"
            r"examen\w*|laboratorios?|pruebas?|placas?|radiografias?)\b",
            r"\b(?:ya )?(?:salieron|salio|estan listos|llegaron) (?:mis|sus|los|el|la|las)\b(?:\W+\w+){0,2}?\W+"
            r"(?:labs?|analisis|laboratorios?|examen\w*|estudios?|resultados?|pruebas?)\b",
            r"\b(?:labs?|analisis|laboratorios?|examen(?:es)?|estudios?|prueba|papanicolau|papanicolaou|"
            r"ultrasonido|mamografia|biopsia|rayos x|placa|placas|radiografia|cultivo|tomografia|resonancia)\b.{0,60}"
            r"\b(?:ya (?:salio|salieron|estan|llegaron)|no me han dicho|(?:ya )?(?:la|lo|las|los) (?:vio|vieron|reviso|"
            r"revisaron|checo|checaron))",
            r"\b(?:salio|salieron|encontraron|vieron) algo (?:en|de) (?:el|la|los|las|mi|mis|su|sus)\b",
            r"\b(?:vio|vieron|reviso|revisaron|checo|checaron|leyo)\b(?:\W+\w+){0,3}?\W+(?:mis |los |las |el |la |sus )"
            r"(?:analisis|examenes|estudios|placas?|radiografias?|laboratorios?|cultivo|biopsia|ultrasonido|"
            r"mamografia|resultados?)\b",
        ),
    ),
    IntentRules(
        Intent.INSURANCE,
        strong=(
            r"\b(?:aseguranza|seguro medico|mi seguro|el seguro|del seguro|su seguro|otro seguro|"
            r"cobertura|cubre|cubren|aceptan(?! (?:pacientes|nuevos|ninos|mascotas|perros|walk))|"
            r"tarjeta del seguro|seguro nuevo|nuevo seguro|tengo seguro|sin seguro|con seguro)\b",
        ),
    ),
    IntentRules(
        Intent.BILLING,
        strong=(
            r"(?<!di )(?<!dio )(?<!dar )\b(?:la cuenta|una cuenta|cuenta de)\b",
            r"(?<!se lo )(?<!se los )(?<!te lo )\b(?:factura|cobro|cobraron|cobran|cargo|pagar|pague|pago|pagos|deuda|copago|"
            r"estado de cuenta|cuanto debo|plan de pagos|saldo)\b",
        ),
    ),
    IntentRules(
        Intent.RECORDS,
        strong=(
            r"\b(?:expediente|historial|registro de vacunas|cartilla|copia de|copias de|record de)\b",
        ),
    ),
    IntentRules(
        Intent.REFERRAL,
        strong=(r"\b(?:referido|referencia|referir\w*|pase para|orden para el especialista)\b",),
    ),
    IntentRules(
        Intent.CANCEL,
        strong=(
            r"\bcancel\w*\b(?!\s+(?:los |mis |estos |sus |todos los )?(?:mensajes|textos|recordatorios))"
            r"(?! on (?:me|us|him|her|them)\b)",
            r"\bya no (?:la|lo) (?:necesito|ocupo)\b",
        ),
        weak=(r"\bno (?:voy a poder|puedo|podre|podemos|vamos a poder) (?:ir|llegar|asistir)\b",),
    ),
    IntentRules(
        Intent.RESCHEDULE,
        strong=(
            r"\bcambi\w* (?:mi |la |su |de )?(?:cita|hora|fecha|dia)\b",
            r"\b(?:reprogram\w*|reagend\w*|posponer|pospon\w*|recorrer)\b",
            r"\bmover (?:mi |la |su )?cita\b|\bpasar(?:la|lo)? para\b|\bme la (?:pueden )?(?:pasar|cambiar|mover)\b",
            r"\botra (?:fecha|hora|cita)\b|\botro dia\b|\b(?:para|pa|pal|mejor) (?:la )?otra semana\b",
            r"\bmejor (?:el|la|para el|pa el|pal) (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|"
            r"otro|otra|siguiente|manana|tarde)\b",
            r"\b(?:la )?siguiente semana\b|\bla semana que viene\b",
        ),
    ),
    IntentRules(
        Intent.SCHEDULE,
        strong=(
            r"\b(?:sacar|hacer|pedir|agendar|programar|necesito|quiero|quisiera|ocupo|ocupa|"
            r"necesita|quiere)\s+(?:una |la |otra |un )?(?:cita|consulta|appointment|apointment)\b",
            r"\bcita para\b|\bse puede sacar\b|\bpaciente nuev\w*",
            r"\b(?:dar|dan|darme|darle|darnos|dieran|den) (?:una |la |otra )?cita\b",
            r"\b(?:me|lo|la|nos|los) (?:pueden|puede) (?:ver|atender|revisar)\b",
            r"\btienen (?:citas|espacio|lugar|algo)\b|\bhay (?:citas|espacio|algo) (?:disponible|para)\b",
        ),
        weak=(r"\b(?:chequeo|fisico|examen fisico|vacunas?|cita|citas)\b",),
    ),
    IntentRules(
        Intent.TELEHEALTH,
        weak=(r"\b(?:video|videollamada|camara|conect\w*|en linea|virtual)\b",),
    ),
    IntentRules(
        Intent.PORTAL,
        weak=(r"\b(?:portal|contrasena|usuario|codigo de verificacion|codigo|cuenta bloqueada)\b",),
    ),
    IntentRules(
        Intent.FORMS,
        strong=(
            # A letter or note for work or school is paperwork the clinic fills in.
            r"\b(?:carta|nota|constancia|justificante|comprobante|incapacidad|permiso)\b(?:\W+\w+){0,2}?"
            r"\W+(?:para|del|de la|pa) (?:el |mi |la |su )?(?:trabajo|escuela|jefe|empleo|patron|colegio)\b",
        ),
        weak=(
            r"\b(?:formularios?|forma|formas|papeles|papeleria|llenar|llene|lleno|llenarlo|"
            r"firmar|firma)\b",
        ),
    ),
    IntentRules(
        Intent.CONFIRM,
        weak=(
            r"\bconfirm\w*\b",
            r"\b(?:si|claro|ok) (?:voy|vamos|ahi estare|alli estare|asistire|llego)\b",
            r"\b(?:ahi|alli|aqui) (?:estare|estaremos|nos vemos)\b",
        ),
    ),
    IntentRules(
        Intent.THANKS,
        weak=(r"\b(?:gracias|muy amables|dios (?:los|les|te|se lo|se los) (?:bendiga|pague)|vale|perfecto|excelente)\b",),
    ),
)

UPSET = (
    # Polite dissatisfaction: "un poco decepcionada", "nadie me ha regresado la llamada".
    r"\b(?:decepcionad\w*|desilusionad\w*|inconforme|no (?:estoy|quede|quedamos) (?:muy |nada )?(?:content\w*|"
    r"satisfech\w*)|mal(?:a)? (?:atencion|servicio|trato)|groser\w*|maleducad\w*|nadie (?:me |nos )?(?:ha )?"
    r"(?:regresado|devuelto|contesta\w*|llamo|llama|respond\w*|regreso)|ojala (?:puedan )?mejor\w*|"
    r"me senti (?:ignorad\w*|humillad\w*|menospreciad\w*|maltratad\w*)|ni me (?:miro|escucho|hizo caso))\b",
    r"\b(?:que|q) (?:les|le) pasa\b",
    r"\b(?:semanas|dias|meses)\b.{0,60}\by nada\b",
    r"\bya (?:es|son|van|fueron) (?:la |las )?(?:segunda|tercera|cuarta|quinta|\d+|dos|tres|cuatro|"
    r"cinco|varias|muchas) (?:vez|veces)\b",
    r"\bcuantas veces\b|\bya les dije\b|\bya le dije\b",
    r"\bnadie (?:me |nos )?(?:ha |han )?(?:contesta\w*|regresa\w*|llama\w*|venido|hablado|atendido)\b",
    r"\b(?:llevo|tengo|estuve) (?:\d+|una|media|mas de) (?:min|minutos|horas?|hora) esperando\b",
    r"\b(?:trato|trataron|trata|tratan) (?:bien |muy )?(?:feo|mal)\b",
    r"\b(?:queja|molest[oa]|enojad[oa]|no es justo|pesimo|falta de respeto|groser[oa]|"
    r"(?:que|q|ke) (?:fastidio|lata|coraje|horror)|fastidiad[oa]|entendieron|ya basta|"
    r"que mal servicio|mal servicio|pesimo servicio|harta|harto|ya me canse|inaceptable|ridiculo|"
    r"no me (?:reviso|revisaron|atendio|atendieron|examino) bien|una verguenza|que verguenza)\b",
    r"\b(?:acoso|hostigamiento|(?:llamo|llamar|hablo|hablar|voy) (?:a|con) (?:un|mi) abogado|"
    r"(?:los|las|la|lo) (?:voy a |vamos a )?(?:demand\w*|report\w*)|(?:voy|vamos) a (?:demandar|reportar\w*))\b",
)

NEEDS_PERSON = (
    r"\bno (?:me )?(?:funciona|deja|llega|carga|abre|sirve|acepta)\b",
    r"\bme sigue (?:diciendo|saliendo|pidiendo|marcando)\b|\bmarca (?:error|incompleto)\b",
    r"\bya no (?:es|esta) (?:valido|activo|disponible)|\bno es valido\b|\b(?:vencio|expiro|caduco)\b|"
    r"\b(?:pagina|pantalla) en blanco\b|\bse borr\w*\b",
    r"\b(?:error|bloquead\w*|incomplet\w*)\b|\b(?:me|nos) pueden llamar\b|\bllamenme\b",
    r"\b(?:pendiente|ya (?:esta|estaba|sale) registrad\w*|(?:la|lo|las|los) deje en (?:la )?recepcion|"
    r"(?:llenar|firmar) (?:y (?:llenar|firmar) )?(?:el|la) (?:doctor|doctora)|y nada(?! mas)|ya (?:le )?(?:movi|intente|"
    r"probe) (?:a )?todo)\b",
    r"\bnadie (?:se )?(?:conecta|entra|aparece|contesta)\b|\bno se ha conectado\b",
    r"\bno entiendo\b|\b(?:me|nos) pueden ayudar\b",
    r"\b(?:carta|nota|constancia|justificante|comprobante|incapacidad)\b(?:\W+\w+){0,2}?\W+(?:para|del|"
    r"de la|pa) (?:el |mi |la |su )?(?:trabajo|escuela|jefe|empleo|patron|colegio)\b",
    r"\bno se (?:escucha|oye|ve)\b|\bno (?:tengo|hay) (?:audio|sonido|imagen|video)\b|\bsin (?:audio|sonido)\b",
)

ABBREVIATIONS = (
    ("q", "que"), ("xq", "porque"), ("pq", "porque"), ("xk", "porque"), ("d", "de"),
    ("tb", "tambien"), ("tmb", "tambien"), ("toy", "estoy"), ("xfa", "porfa"), ("xfavor", "porfa"),
    ("pf", "porfa"), ("msj", "mensaje"), ("msjs", "mensajes"), ("dra", "doctora"),
    ("cel", "celular"), ("ntp", "no te preocupes"), ("nd", "nada"), ("hr", "hora"),
)

MARKERS = frozenset(
    {
        "de", "la", "el", "que", "mi", "por", "para", "con", "los", "las", "una", "un", "es", "y",
        "se", "lo", "le", "les", "mas", "pero", "porque", "como", "cuando", "ya", "si", "gracias",
        "porfa", "cita", "tengo", "tiene", "necesito", "quiero", "puedo", "pueden", "hola", "buenas",
        "buenos", "dias", "manana", "esta", "estoy", "hoy", "ayer", "nada", "bien", "muy", "ocupo",
        "favor", "ahi", "voy", "nos", "del", "al", "mis", "su", "sus", "hija", "hijo", "esposo",
        "esposa", "mama", "papa", "dolor", "tarde", "semana", "otra", "ella", "quisiera", "cual", "donde", "hace", "desde", "mucho", "mucha", "tambien", "nomas", "pues",
        "eh", "fecha", "nacimiento", "habla", "llamo", "numero", "telefono", "listo", "baja",
        "receta", "pastillas", "pastilla", "farmacia", "resultados", "presion", "azucar", "aqui",
        "usted", "ustedes", "llene", "mande", "manden", "q", "doctora", "este", "ese",
        "fue", "son", "van", "pasa", "puede", "tienen", "hacer", "sacar", "cancelar", "me",
        "duele", "duelen", "fiebre", "tos", "calentura", "pecho", "garganta", "cabeza", "muela",
        # one-word replies and keywords
        "alto", "confirmado", "confirmada", "confirmo", "cancelo", "cancela", "cancelela", "claro",
        "sip", "dale", "porfavor", "quedo", "ahorita",
        # words Spanish has and Portuguese does not ("alli" vs "ali"), common in clinic texts
        "alli", "alla", "aceptan", "acepta", "estaremos", "llegamos", "aseguranza", "seguro",
    }
)

STRONG_MARKERS = frozenset(
    {
        "que", "porfa", "gracias", "cita", "tengo", "necesito", "quiero", "hola", "buenas",
        "manana", "estoy", "muy", "ocupo", "los", "las", "el", "y", "mi", "mis", "pero", "ya",
        "esta", "del", "porque", "tiene", "pueden", "quisiera", "listo", "baja", "nomas",
        "usted", "ustedes", "si", "cual", "hace", "alli", "aceptan", "aseguranza",
    }
)

# ---------------------------------------------------------------------------------------------
# Safety net (see `flows.triage.safety_net`): merged by class name with the English classes, so
# Spanglish terms meet English cues and the other way round.
# ---------------------------------------------------------------------------------------------

_ES_INTENT = (
    r"\b(?:quiero|quiere|quisiera|queria|ganas|pienso|piensa|pensando|pensado|planead\w*|plan|"
    r"planeando|ya lo tengo|decidid\w*|decidi|voy a|va a|vas a|iba a|me voy|se va|ojala|prefiero|"
    r"esta noche|hoy mismo|listo|lista|para cuando|cuando me decida|dice que|dijo que|me escribio|"
    r"amenaz\w*|no se si|manana)\b",
)
_ES_DEATH = (
    r"\b(?:morir\w*|muert[oa]|estar viv[oa]|seguir viv[oa]|quitar(?:me|se|le) la vida|matar(?:me|se)|"
    r"acabar con (?:todo|mi vida|su vida)|desaparecer|no despertar|(?:dormir|descansar|irme|irse)(?:me|se)? para siempre|ya no estar|"
    r"no estar aqui|colgar(?:me|se)|ahorcar(?:me|se))\b",
)
_ES_MEANS = (
    r"\b(?:me|se|te) (?:avient\w*|tir\w*|lanz\w*|ech\w*)\b(?:\W+\w+){0,2}?\W+(?:puente|edificio|"
    r"techo|azotea|balcon|tren|metro|ventana|carros?|camion|trailer|vias)\b",
    r"\b(?:tirar(?:me|se)|aventar(?:me|se)|lanzar(?:me|se)|echar(?:me|se))\b(?:\W+\w+){0,2}?\W+"
    r"(?:puente|edificio|techo|azotea|balcon|tren|metro|ventana|carros?|camion|trailer)\b",
    r"\b(?:pastillas|pildoras|medicinas|pistola|arma|cuerda|soga|navaja|cuchillo|veneno)\b"
    r"(?:\W+\w+){0,4}?\W+(?:guardad\w*|escondid\w*|juntad\w*|aqui|listas?|a la mano)\b",
    r"\b(?:guard\w*|junt\w*|ahorr\w*|escond\w*|tengo|tiene)\b(?:\W+\w+){0,2}?\W+(?:las |unas |muchas "
    r"|todas las )?(?:pastillas|pildoras|medicinas|pistola|arma|cuerda|soga)\b",
    r"\btomar(?:me|se) todas las (?:pastillas|medicinas)\b|\bcortar(?:me|se) las venas\b",
    r"\b(?:tom\w*|trag\w*|beb\w*)\b(?:\W+\w+){0,2}?\W+(?:tod[ao]s (?:juntas?|juntos?|de (?:una|golpe))|"
    r"de (?:una|un) (?:sola )?(?:vez|jalon|trago)|todo el (?:frasco|bote)|el (?:frasco|bote) (?:entero|completo))\b",
)
_ES_HOPELESS = (
    r"\bno (?:le )?(?:veo|encuentro|tiene|tengo) (?:sentido|salida|razon|motivo|caso)\b",
    r"\bno (?:tengo|tiene) (?:razon|motivo|por que|para que) (?:vivir|seguir)\b|\bsin sentido\b",
    r"\bno vale la pena (?:vivir|seguir)\b|\b(?:cansad[oa]|harto|harta) de (?:vivir|todo)\b",
    r"\bno puedo mas con (?:esta|mi|la) vida\b|\bno quiero esta vida\b",
    r"\b(?:soy|ser|siendo|es|me siento|se siente) (?:solo |nada mas )?una carga\b|\bpara que seguir\b|"
    r"\bya no puedo mas\b|\bno aguanto mas\b|\bya no aguanto\b",
    r"\bestarian mejor sin mi\b",
)

_ES_FAREWELL = (
    r"\bcartas? (?:de despedida|escritas?|para (?:mis|mi|los|la|el|toda mi) (?:hijos|hijas|familia|"
    r"esposo|esposa|mama|papa|ninos|seres queridos))\b",
    r"\b(?:ya )?me (?:despedi|estoy despidiendo)\b|\bdespedirme de\b|\bdespedida\b",
    r"\b(?:regale|regalando|estoy regalando) (?:todas )?mis cosas\b|\bcuiden a mis hijos\b",
)

SAFETY_NET = (
    # A limb, a side or the face gone numb or weak, with a side, a sudden onset or a second deficit
    # ("se le durmio todo el lado izquierdo y ve doble").
    NetClass("medical", "one-sided or speech deficit with sudden onset", terms=(
        r"\bse (?:me|le) (?:durmio|durmieron|adormecio|entumio|entumecio|paralizo|cayo|chueco|torcio)\b",
        r"\b(?:dormid|adormecid|entumid|entumecid|paralizad|sin fuerza|debil)[oa]?s?\b(?=\W+(?:\w+\W+){0,3}?"
        r"(?:lado|brazo|pierna|cara|mitad))",
    ), cues=(
        r"\b(?:(?:el|un|del|todo el) lado (?:izquierdo|derecho)|lado (?:izquierdo|derecho)|mitad del "
        r"cuerpo|de un lado|de repente|de golpe|de la nada|ve doble|veo doble|vision doble|se (?:me|le) "
        r"traba la lengua|traba la lengua|arrastra las palabras|no (?:puede|puedo) hablar|habla raro|"
        r"boca (?:chueca|torcida|caida)|cara (?:chueca|torcida|caida))\b",
    ), window=160),
    NetClass("mental_health", "stockpiled supply near a decision", terms=(
        r"\b(?:juntando|guardando|acumulando|ahorrando|junte|guarde)\b(?:\W+\w+){0,2}?\W+(?:las|mis|sus)?"
        r"\s?(?:pastillas|pildoras|medicinas|tabletas)\b",
    ), cues=(
        r"\b(?:ya (?:lo )?decidi|decidid[oa]|esta semana|este fin|esta noche|plan\w*|suficientes|"
        r"para (?:cuando|acabar|terminar|no despertar))\b",
    ), window=160),
    NetClass("mental_health", "threat against the texter", terms=(
        r"\b(?:me|nos) (?:va|van|quiere) a? ?(?:matar|apunalar|balacear|golpear)\b",
        r"\b(?:matarme|matarnos|amenaza\w* (?:con )?matarme)\b",
    ), cues=(
        r"\b(?:cuchillo|navaja|pistola|arma|machete|borracho|tomado|drogado|escondid[oa]s?|encerrad[oa]s?|"
        r"me escondi|me encerre|afuera de la puerta|tumbando la puerta)\b",
    ), window=160),
    NetClass("medical", "gut bleeding with weakness", terms=(
        r"\b(?:vomit\w*|devolv\w*|arroj\w*)\b(?:\W+\w+){0,2}?\W+sangre\b",
        r"\b(?:popo|heces|excremento|caca|evacuaciones?)\b(?:\W+\w+){0,2}?\W+(?:negr\w*|con sangre)\b",
    ), cues=(
        r"\b(?:debil\w*|desmay\w*|marea\w*|palid\w*|no responde|confundid\w*|no se puede parar|mucha|"
        r"desde (?:la|esta) manana|todo el dia|sigue)\b",
    ), window=200),
    NetClass("medical", "leg clot signs", terms=(
        r"\b(?:pantorrilla|chamorro|pierna (?:izquierda|derecha))\b(?:\W+\w+){0,5}?\W+(?:hinchad\w*|"
        r"inflamad\w*|grues\w*)",
    ), cues=(r"\b(?:roj\w*|calient\w*|morad\w*)\b",), window=100,
        also=(r"\b(?:duele|dolor|adolorid\w*|punzad\w*)\b",),
        unless=(r"\b(?:las dos|ambas) piernas\b|\bhace (?:meses|anos)\b",)),
    NetClass("medical", "sudden severe headache", terms=(
        r"\b(?:dolor de cabeza|duel\w* (?:\w+ ){0,2}la cabeza|la cabeza (?:me|le) (?:duele|esta))\b",
    ), cues=(r"\b(?:de repente|de golpe|de la nada|repentin\w*|subito)\b",), window=80, also=(
        r"\b(?:fuerte|fuertisimo|horrible|insoportable|peor|no (?:puede|puedo|pueda|podia)\s+(?:\w+\s+)?"
        r"(?:mover|ver|hablar)|vomit\w*|entumid\w*|se (?:me|le) duerme|cuello (?:tieso|rigido|duro)|"
        r"desmay\w*)\b",
    )),
    NetClass("mental_health", "means near intent", terms=_ES_MEANS,
             cues=_ES_INTENT + _ES_HOPELESS + _ES_DEATH),
    # A whole supply asked for in order to take it in one go ("mandenme las pastillas pa tomarmelas
    # todas"): the purpose clause is the intent.
    NetClass("mental_health", "whole supply at once", terms=(
        r"\b(?:para|pa|pra) (?:tomar|tragar|beber)(?:me|se|te)?(?:las|los|la|lo)? (?:tod[ao]s|de (?:una|golpe)|"
        r"todo el (?:frasco|bote))\b",
    )),
    NetClass("mental_health", "death wish", terms=_ES_DEATH, cues=_ES_INTENT + _ES_HOPELESS,
             unless=(r"\b(?:se va a morir|se nos muere|se esta muriendo)\b(?=.{0,40}\b(?:pecho|"
                     r"respira|aire|sangr\w*|desmay\w*|infarto)\b)",)),
    NetClass("mental_health", "hopeless near means", terms=_ES_HOPELESS, cues=_ES_MEANS + _ES_DEATH),
    NetClass("mental_health", "self-harm act", terms=(
        r"\b(?:se esta|me estoy|nos estamos|se sigue|me sigo|se|me)\s+(?:cortando|corta|corto|corte|"
        r"quemando|quema|quemo|rasgunando|rasguna|lastimando|lastima)\s+(?:los|las|sus|mis|el|la|"
        r"su|mi)\s+(?:brazos?|munecas?|piernas?|muslos?|piel|panza|estomago)\b",
        r"\b(?:navaja|cuchilla|rastrillo|gillette|cutter|vidrio)\b(?:\W+\w+){0,5}?\W+(?:brazos|"
        r"munecas|piernas|muslos)\b",
        r"\b(?:brazos|munecas|piernas|muslos)\b(?:\W+\w+){0,5}?\W+(?:navaja|cuchilla|rastrillo|"
        r"gillette|cutter|vidrio)\b",
    )),
    NetClass("mental_health", "violence near capability", terms=(
        r"\b(?:matarlo|matarla|matarlos|balacear\w*|apunal\w*|picar\w*|desquitar\w*|vengar\w*|"
        r"hacerle pagar|me las va a pagar|me la va a pagar|se las va a ver)\b",
        r"\b(?:lo|la|los|las) (?:voy a|va a|vamos a) (?:matar|balacear|apunalar|lastimar)\b",
    ), cues=(
        r"\b(?:pistola|arma|rifle|escopeta|cuchillo|machete|navaja|balas|esta noche|manana|voy a|"
        r"va a|se donde vive|sabe donde vive|lo estoy esperando|plan\w*)\b",
    )),
    NetClass("mental_health", "research of a lethal dose or method", terms=(
        r"\b(?:dosis|cantidad) (?:letal|mortal|fatal)\b",
        r"\bcuant[oa]s? (?:\w+\W+){0,5}?(?:para|pa) (?:morir\w*|no despertar|matar(?:me|se)|quitar\w* la "
        r"vida|una sobredosis)\b",
        r"\bformas? (?:de|para) (?:morir|matar(?:me|se)|suicidar\w*) (?:sin dolor|rapido)\b",
    )),
    NetClass("mental_health", "farewell", terms=_ES_FAREWELL, cues=_ES_HOPELESS + _ES_DEATH + (
        r"\bhoy es el dia\b|\besta noche\b|\bperdon\w*\b|\badios\b|\bpastillas\b|\bpistola\b|"
        r"\bcarga\b|\bcansad[oa]\b|\bhart[oa]\b|\bya no\b|\bya esta (?:todo )?listo\b",
    ), window=200),
    NetClass("mental_health", "passive ideation with burden or farewell", terms=_ES_HOPELESS,
             cues=_ES_HOPELESS + _ES_FAREWELL + (r"\b(?:adios|perdon\w*)\W*$",), window=220),
    NetClass("mental_health", "plan against a named person", terms=(
        r"\b(?:quiero|voy a|va a|vamos a|pienso|me dan ganas de)\s+(?:\w+\s+)?(?:matar|lastimar|golpear|"
        r"balacear|apunalar|hacerle dano|desquitarme con|hacer pagar)\b",
    ), cues=(
        r"\b(?:se|sabe|conozco|conoce) (?:donde vive|donde trabaja|su horario|sus horarios|su carro|a "
        r"que hora sale)\b|\b(?:lo|la|los) (?:voy a |estoy )?esperando\b|\bafuera de su (?:casa|"
        r"trabajo|carro)\b|\b(?:pistola|arma|rifle|escopeta|cuchillo|machete|navaja|bat|esta noche)\b",
    ), window=200),
    NetClass("medical", "carbon monoxide or gas exposure with symptoms", terms=(
        r"\b(?:monoxido|calentador|calefactor|calefaccion|estufa de gas|anafre|brasero|carbon prendido|"
        r"generador|planta de luz|fuga de gas|olor a gas|huele a gas|humo del carro|el carro prendido)\b",
    ), cues=(
        r"\b(?:mare\w*|vomit\w*|dolor(?:es)? de cabeza|duele la cabeza|nause\w*|desmay\w*|somnolient\w*|muy "
        r"dormid\w*|confundid\w*|no despierta|debil|todos (?:estamos|tenemos|con)|toda la familia)\b",
    ), window=220),
    NetClass("medical", "venomous bite or sting", terms=(
        r"\b(?:vibora|culebra|serpiente|vibora de cascabel|cascabel|coralillo|alacran|escorpion|"
        r"(?:arana )?viuda negra|arana violinista|aguamala)\b",
    ), cues=(r"\b(?:mordi\w*|mordedura|pic\w*|muerd\w*)\b",), window=80),
    NetClass("medical", "sudden testicular pain", terms=(r"\b(?:testicul\w*|escroto|torsion)\b",), cues=(
        r"\b(?:de repente|de la nada|horrible|fuertisimo|muy fuerte|insoportable|vomit\w*|devolv\w*|"
        r"hinchad\w*|lo desperto|hace (?:una|media) hora|no puede caminar|llorando|grit\w*)\b",
    ), window=200, also=(r"\b(?:dolor|duele|dolio|torsion)\b",),
        unless=(r"\bhace (?:semanas|meses|anos)\b|\bdesde hace (?:semanas|meses)\b",)),
    NetClass("medical", "heat illness with a danger sign", terms=(
        r"\b(?:golpe de calor|insolacion)\b",
        r"\b(?:calor|sol|carro cerrado|horno)\b",
    ), cues=(
        r"\b(?:confundid\w*(?! (?:con|sobre|por|de|acerca))|desorientad\w*|no (?:suda|esta sudando)|"
        r"dejo de sudar|desmay\w*|"
        r"convuls\w*|no responde|no reacciona|muy calient\w*|ardiendo|habla raro)\b",
    ), window=160),
    NetClass("medical", "electrical injury", terms=(
        r"\b(?:descarga electrica|electrocut\w*|le dio (?:la )?(?:corriente|toque)|cable (?:de luz )?"
        r"(?:pelado|vivo)|un rayo)\b",
    ), cues=(
        r"\b(?:corazon|pecho|acelerad\w*|quemad\w*|inconsciente|desmay\w*|dormid[oa]|entumid\w*|"
        r"hormigue\w*|no siente|confundid\w*|convuls\w*|no respira)\b",
    ), window=160),
    NetClass("medical", "something stuck in the throat", terms=(
        r"\b(?:se le|se me|se nos) (?:atoro|atraganto|atasco|trabo|quedo atorad\w*)\b",
        r"\batragant\w*|\batorad\w* (?:con|en)\b",
    )),
    NetClass("medical", "colour of no oxygen", terms=(
        r"\b(?:se puso|se esta poniendo|esta|estaba|se ve)\s+(?:bien |muy |toda |todo )?"
        r"(?:morad\w*|azul\w*|gris\w*)\b",
        r"\bno le sale (?:la voz|el aire)\b|\bno puede (?:hablar|toser)\b(?=.{0,60}\b(?:atoro|atraganto|comida|carne|pedazo)\b)",
    )),
    NetClass("medical", "breathing in distress", terms=(r"\b(?:respir\w*|aire)\b",), cues=(
        r"\b(?:cuesta|dificil|no (?:puede|puedo|podia)|ahog\w*|morad\w*|silb\w*|hundi\w*|agitad\w*|"
        r"rapidito|le falta|me falta)\b",
    ), window=30),
    NetClass("medical", "injury with a danger sign", terms=(
        r"\b(?:accidente|choque|choco|atropell\w*|se cayo del? (?:techo|escalera|segundo piso|arbol))\b",
    ), cues=(r"\b(?:no se mueve|inconsciente|sangr\w*|cabeza|cuello|no responde|no reacciona)\b",),
        window=160),
    NetClass("medical", "chest complaint with cardiac signs", terms=(r"\bpecho\b",), cues=(
        r"\b(?:sud\w*|sudor frio|nause\w*|brazo izquierdo|quijada|mandibula|espalda|aprieta|"
        r"presion|pesad\w*|aplast\w*|falta (?:el )?aire|palid\w*|mare\w*|desmay\w*)\b",
    )),
    NetClass("medical", "bleeding that will not stop", terms=(r"\b(?:sangr\w*|sangre)\b",), cues=(
        r"\b(?:no (?:para|paraba|deja|se detiene)|mucha|chorros?|charco|empapad\w*|toalla|"
        r"mare\w*|desmay\w*|palid\w*)\b",
    ), window=80),
    NetClass("medical", "pregnancy with danger signs", terms=(
        r"\bembaraz(?!os)\w*|\bencinta\b",
    ), cues=(
        r"\b(?:sangr\w*|manch\w*|dolor (?:muy )?fuerte|muchisimo dolor|no se mueve|se rompio la "
        r"fuente|vista borrosa|veo (?:lucecitas|borroso)|hinchad\w* la cara|convuls\w*|de un lado|"
        r"desmay\w*|dolor de cabeza|lucecitas|destellos|(?:pies|manos|cara) (?:muy )?hinchad\w*)\b",
        r"\b(?:se mueve|mueve|patea) (?:muy |mucho )?(?:menos|poco|poquito)\b|\bno (?:lo |la |le )?(?:he |"
        r"hemos )?(?:sentido|siento|sentimos) (?:mover\w*|patear|que se mueva)\b|\b(?:dejo de|ya no se) mov\w*\b|"
        r"\b(?:cara|manos|pies) (?:\w+ ){0,2}hinchad\w*|\bvision borrosa\b",
    ), window=250),
    NetClass("medical", "preterm contractions or waters", terms=(
        r"\b(?:[12]\d|3[0-6]|veinti\w+|treinta(?: y (?:uno|dos|tres|cuatro|cinco|seis))?) semanas\b",
    ), cues=(
        r"\b(?:contracciones|se (?:me |le )?rompio la fuente|(?:me|le) sale (?:mucho )?(?:liquido|agua)|"
        r"se me (?:pone|endurece) (?:dura )?la panza)\b",
    ), window=200),
    NetClass("medical", "infant under three months with fever", terms=(
        r"\b(?:fiebre|calentura|temperatura)\b",
    ), cues=(r"\b(?:recien nacid\w*|(?:1|2|un|uno|dos) (?:mes|meses)|\d+ (?:dias|semanas))\b",),
        window=200),
    NetClass("medical", "sick child with a red flag", terms=(r"\b(?:fiebre|calentura)\b",), cues=(
        r"\b(?:muy dormid\w*|dormidit\w*|aguadit\w*|desguanzad\w*|decaid\w*|no (?:quiere )?"
        # Not wanting to eat is the usual fever; not feeding or not waking is the red flag.
        r"(?:mamar|despertar)|no reacciona|no responde|lacio|manchas moradas|cuello (?:tieso|"
        r"rigido)|no (?:moja|ha mojado) (?:el |los )?panal\w*)\b",
    ), window=200, also=(r"\b(?:bebe|baby|nino|nina|hijo|hija|\d+ (?:mes|meses|semanas|anos))\b",)),
    # --- classes added after round 6 (same names as the English ones, merged with them) ---
    NetClass("medical", "infant dehydration", terms=(
        r"\bno (?:ha |han )?(?:mojado|moja|mojo) (?:\w+ )?(?:el |los |su |sus )?panal\w*|\bpanal\w* (?:\w+ )?secos?\b|"
        r"\bno (?:ha |a )?(?:hecho (?:pipi|pis)|orinado|hecho del uno)\b|\b(?:ojos|ojitos) (?:\w+ )?hundid\w*|"
        r"\bmollera (?:\w+ )?hundid\w*|\bse le (?:hundio|cayo) la mollera\b",
    ), also=(r"\b(?:bebe|baby|nino|nina|hij[oa]|nene|nena|\d+ (?:mes|meses|semanas|dias))\b",)),
    NetClass("medical", "postpartum with danger signs", terms=(
        r"\b(?:pos|post) ?parto\b|\bcuarentena\b|\b(?:recien )?(?:di|dio) a luz\b|\btuve (?:a )?(?:mi|el|la) "
        r"(?:bebe|nin[oa]|cesarea)\b|\bme hicieron (?:la )?cesarea\b",
    ), cues=(
        r"\bdolor de cabeza (?:\w+ ){0,2}(?:fuerte|horrible|terrible|insoportable)\b|\bdolor de cabeza que no\b|"
        r"\bveo (?:\w+ )?(?:lucecitas|luces|puntitos|puntos|manchas|estrellitas|borroso)\b|\bvista borrosa\b|"
        r"\bvision borrosa\b|\b(?:falta|me falta) (?:el )?aire\b|\bno puedo respirar\b|\bdolor (?:en el|de) pecho\b",
    ), window=250),
    NetClass("mental_health", "passive ideation with a plan", terms=(
        r"\bno se si (?:voy a )?(?:seguir|estar|sigo) (?:aqui|viv[oa]|con vida)\b|\bya no (?:voy a )?estar (?:aqui|para)\b",
    ), cues=(
        r"\b(?:planeando|planee|pensando) (?:como|cuando) (?:lo )?(?:har\w*|hacerlo)\b|\b(?:ya )?tengo (?:un|el) plan\b",
        # A decision already made, said calmly: "ya tomé mi decisión y estoy tranquila".
        r"\bya (?:tome|hice) (?:mi|la|una) decision\b|\bya (?:lo )?decidi\b|\bestoy (?:tranquil[oa]|en paz) con (?:mi|esta) decision\b",
    ), window=250),
    NetClass("medical", "choking with a blocked airway", terms=(
        r"\batragant\w*|\bahog\w*|\batorad\w*|\bse (?:le|me) atoro\b",
    ), cues=(
        r"\bno (?:puede|podia|puedo) (?:hablar|toser|respirar)\b|\b(?:se (?:esta|puso|pone)|esta|poniendose) "
        r"(?:moradit?[oa]|azul|mora\w*)\b",
    ), window=150),
)

LEXICON = Lexicon(
    lang="es",
    markers=MARKERS,
    strong_markers=STRONG_MARKERS,
    emergency_medical=EMERGENCY_MEDICAL,
    emergency_mental_health=EMERGENCY_MENTAL_HEALTH,
    idioms=IDIOMS,
    safety_net=SAFETY_NET,
    negations=NEGATIONS,
    resolved=RESOLVED,
    settled=SETTLED,
    ongoing=ONGOING,
    symptoms=SYMPTOMS,
    clinical_questions=CLINICAL_QUESTIONS,
    opt_out=OPT_OUT,
    opt_in=OPT_IN,
    intents=INTENTS,
    appointment_status=APPOINTMENT_STATUS,
    walk_in=(r"\bsin cita\b|\b(?:se necesita|hay que (?:sacar|hacer)|necesito (?:sacar |hacer )?|ocupo) cita\?|\bllegar sin\b",),
    upset=UPSET,
    needs_person=NEEDS_PERSON,
    wants_manager=(r"\b(?:encargad[oa]|gerente|supervisor\w*|queja|quejarme)\b",),
    context_cues=(
        (
            "telehealth_prep",
            r"\b(?:link|liga|enlace|conect\w*|camara|codigo|video|computadora|cel|celular|"
            r"internet|aplicacion|app)\b",
        ),
        (
            "form_reminder",
            r"\b(?:link|liga|enlace|formularios?|forma|llenar|llene|lleno|firma|firmar|cel|"
            r"computadora|listo|pagina)\b",
        ),
    ),
    confirm_words=frozenset(
        {"si", "sip", "claro", "confirmo", "confirmado", "dale", "vale", "seguro", "okey", "simon"}
    ),
    done_words=frozenset(
        {"listo", "lista", "hecho", "terminado", "terminada", "completado", "ya quedo", "ya esta",
         "ya lo llene", "ya lo complete", "ya termine", "ya lo hice", "ya lo mande"}
    ),
    fuzzy_terms=(
        "pecho", "respirar", "sangrado", "sangrando", "desmayo", "desmayado", "convulsiones",
        "inconsciente", "suicidio", "embarazada", "hinchada", "hinchando", "garganta",
        "despierta", "confundido", "sobredosis",
    ),
    protected_words=frozenset({
        "pecho", "hecho", "derecho", "techo", "leche", "despues", "respeto",
        # Other forms of the fuzzy terms' own verbs: a right word is no typo ("despertar").
        "despertar", "desperte", "desperto", "despierto", "despiertan", "despertarme", "respira",
        "respiro", "sangrar", "sangre", "hinchado", "hinchadas", "hinchados", "confundida",
        "desmayada", "desmayos", "embarazo", "embarazadas",
    }),
    abbreviations=ABBREVIATIONS,
)

# --- BEGIN emergency concepts (flows/triage/concepts.py) --------------------------------------
CONCEPT_NUMBERS = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15,
    "veinte": 20, "treinta": 30, "cuarenta": 40,
}
CONCEPT_TERMS = {
    "day": (r"dias?\b",),
    "week": (r"semanas?\b",),
    "month": (r"mes(?:es)?\b",),
    "year": (r"anos?\b", r"anitos?\b"),
    "duration_before": (r"\b(?:hace|desde hace|durante|por|lleva|llevo|ya|desde)\s+(?:\w+\s+)?$",),
    "duration_after": (r"^\W*(?:seguid\w*|sin parar)\b",),
    "age_marker": (r"\bde (?:edad|nacid\w*)\b", r"\b(?:bebe|nino|nina|hij[oa]|nene|nena)\s+de\s+\S+\s+\w+\b", r"\btiene \S+ (?:dias|semanas|mes|meses|anos)\b"),
    "child": (r"\b(?:bebe|bebita|bebito|nin[oa]s?|hij[oa]s?|nen[ea]|chiquit[oa]|nieto|nieta|criatura)\b",),
    "newborn": (r"\brecien nacid[oa]s?\b",),
    "fever": (r"\b(?:fiebre|calentura|fiebron|temperatura alta|ardiendo en fiebre)\b",),
    "temp_label": (r"\b(?:temperatura|termometro|marca|grados)\b",),
    "lethargy": (
        r"\b(?:decaid[oa]|no (?:se )?despierta|casi no despierta|no reacciona|letargic[oa]|"
        r"(?:muy |bien )?aguadit[oa]|flojit[oa]|(?:esta|se ve) (?:muy )?(?:floj[oa]|blandit[oa]|adormilad[oa])|"
        r"no (?:quiere )?(?:tomar|beber|mamar) nada|no quiere (?:el pecho|la leche|mamar|tomar)|"
        r"dificil de despertar|cuesta despertar\w*|no moja (?:el )?panal)\b",
    ),
    "bleed": (r"\b(?:sangr\w*|hemorragia)\b",),
    "nonstop": (
        r"\bno (?:le |se )?(?:para|paro|deja de|se detiene|se quita|se corta|para de)\b|\bsin parar\b|"
        r"\b(?:mucho|muchisim[oa]|much[oa]|abundante|chorros?|a chorros)\b|\bempap\w*|"
        r"\bdesde hace (?:una |\d+ |media )?(?:hora|horas|minutos)\b",
    ),
    "pregnant": (r"\btengo \d{2} semanas\b", r"\b(?:embarazad[oa]|embarazo|gestacion|encinta|prenatal)\b",),
    "late_pregnancy": (r"\btercer trimestre\b|\b(?:fecha de parto|salgo de cuentas)\b",),
    "gestation_week": (r"\bsemana \d{2}\b",),
    "fetal_movement": (r"\b(?:mueve|moverse|movimientos?|patad\w*|pata|siento (?:al|a mi) bebe)\b",),
    "reduced": (
        r"\b(?:no|casi no|ya no|dejo de|menos|poco|apenas|ni)\b",
    ),
    "fetal_movement_reduced": (r"\bno (?:lo |la )?(?:he )?sentido (?:al |a mi )?bebe\b",),
    "preeclampsia": (
        r"\bdolor de cabeza (?:muy )?(?:fuerte\w*|horrible|terrible|que no se (?:quita|va))|"
        r"\b(?:fuerte|terrible|horrible) dolor de cabeza|\bfortisimo\b|"
        r"\b(?:veo|vista|vision) (?:\w+ )?(?:borros\w*|lucecitas|manchas|puntos|estrellitas)|"
        r"\bveo lucecitas\b|\bhinchazon (?:de repente|repentina)\b",
    ),
    "face_droop": (r"\b(?:boca|cara)\b(?:\W+\w+){0,3}?\W+(?:torcid[oa]|chueca|caid[oa]|ladead[oa])\b|\bse le torcio (?:la boca|la cara)\b|\bse le cayo (?:la cara|un lado)\b",),
    "arm_weak": (r"\bno (?:puede|podia) (?:levantar|mover) (?:el|la|su) (?:brazo|pierna|mano)\b|\b(?:brazo|pierna)\b{gap}(?:sin fuerza|debil|dormid[oa]|muert[oa])\b",),
    "speech_slurred": (r"\b(?:habla|hablando) (?:\w+ )?(?:raro|arrastrad\w*|enredad\w*|trabad\w*)\b|\bno (?:puede|le salen las palabras|se le entiende)\b|\barrastra las palabras\b",),
    "sudden": (r"\b(?:de repente|de pronto|repentin\w*|subito)\b",),
    "cant_finish_sentence": (r"\bno (?:puede|puedo) (?:terminar|completar|decir) (?:una )?(?:frase|oracion|palabra)s?\b",),
    "breath_severe": (),
    "lips": (r"\b(?:labios?|boca|unas|cara)\b",),
    "blue": (r"\b(?:morad[oa]s?|azul\w*|moradit[oa]s?|grises?)\b",),
    "chest_pain": (r"\b(?:dolor|opresion|presion|apreton|peso)\b{gap}pecho\b|\bpecho\b{gap}(?:duele|aprieta|oprime)\b",),
    "chest_danger": (r"\b(?:brazo|mandibula|quijada|espalda|hombro|sudando|sudor|sudor frio|mareo|mareado|nausea\w*|falta (?:el )?aire)\b",),
    "ingest": (r"\b(?:se tomo|me tome|se ha tomado|se trago|me trague|se comio|se bebio|ingirio|se metio)\b",),
    "pill_unit": (r"\b(?:pastillas?|tabletas?|pildoras?|capsulas?)\b",),
    "poison": (r"\b(?:cloro|lejia|veneno|raticida|insecticida|detergente|limpiador|gasolina|anticongelante|pila de boton)\b",),
    "suicidal": (
        r"\b(?:ya )?no quiero (?:seguir )?(?:vivir|estar aqui|existir)\b|\bquiero (?:morirme|matarme|quitarme la vida)\b|"
        r"\bme voy a (?:matar|quitar la vida)\b|\bpensando en (?:matarme|quitarme la vida|suicid\w*)\b",
    ),
    "swelling": (r"\b(?:hinch\w*|inflamad\w*|cerrando)\b",),
    "airway": (r"\b(?:garganta|lengua)\b",),
    "face_part": (r"\b(?:labios?|cara|ojos|boca)\b",),
    "allergen": (r"\b(?:mani|cacahuate|nueces|mariscos?|camaron\w*|abeja|avispa|pico|picadura|antibiotico|penicilina|inyeccion|alergi\w*|comi|comio)\b",),
    "hypothetical": (
        r"\bque (?:debo|debemos|hago|hacemos|tengo que|tenemos que|se debe) (?:hacer )?(?:si|cuando|en caso)\b",
        r"\ben caso de que\b|\bsi (?:alguna vez|algun dia|otra vez le)\b",
    ),
    "happening_now": (r"\b(?:ahora mismo|ahorita|en este momento|esta teniendo|le esta dando|ahora)\b",),
    "dosing_routine": (r"\b(?:al dia|por dia|diari\w*|al mes|por mes|a la semana|me quedan|resurtido|receta|recetad\w*)\b",),
    "hyperbole": (r"\bme muero (?:de|del|si no)\b|\bmuriendo de (?:risa|hambre|sueno|calor|frio|aburrimiento|verguenza|ganas)\b",),
}
# --- END emergency concepts -------------------------------------------------------------------
