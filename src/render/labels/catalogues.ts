/**
 * Every word a rendering adds to what the communiqué says, per language, in ICU
 * MessageFormat: plurals and selects are the library's (intl-messageformat), never
 * hand-rolled. English is the complete catalogue; another language may leave a message
 * out, and that message then falls back to English (marked as English in the output).
 */
export type Messages = Readonly<Record<string, string>>;

/** Australian English, following the Australian Government Style Manual. */
const en: Messages = {
  draft: 'DRAFT — NOT FOR PUBLICATION',
  draftStatus: 'DRAFT — NOT FOR PUBLICATION (status: {status})',
  internal: 'INTERNAL',
  internalNotes: 'Internal notes',
  internalNotice: 'INTERNAL — not for publication',
  stage: '{stage, select, draft {draft} review {in review} approved {approved} other {published}}',
  group: 'Group',
  meeting: 'Meeting',
  date: 'Date',
  time: 'Time',
  where: 'Where',
  chair: '{count, plural, one {Chair} other {Co-chairs}}',
  theme: 'Theme',
  online: 'online',
  placeAndOnline: '{place} and online',
  mode: '{mode, select, in_person {in person} virtual {online} other {in person and online}}',
  outcomes: 'Outcomes',
  outcomesSummary:
    'The meeting made {agreements, plural, =0 {no agreements} one {# agreement} other {# ' +
    'agreements}} and recorded {actions, plural, =0 {no actions} one {# action} other {# ' +
    'actions}}.',
  contents: 'Contents',
  attendance: 'Attendance',
  present: 'Present',
  inAttendance: 'In attendance',
  apologies: 'Apologies',
  absent: 'Absent',
  name: 'Name',
  roleAndOrganisation: 'Role and organisation',
  kind:
    '{kind, select, member {member} guest {guest} observer {observer} presenter {presenter} ' +
    'secretariat {secretariat} proxy {proxy} other {{kind}}}',
  tookPart:
    '{attendance, select, remote {joined remotely} partial {for part of the meeting} apology {apology} absent {absent} other {present}}',
  representing: 'representing {what}',
  proxyFor: 'proxy for {name}',
  agreements: 'Agreements',
  decision:
    '{verb, select, agreed {Agreed} endorsed {Endorsed} approved {Approved} noted {Noted} ' +
    'resolved {Resolved} decided {Decided} supported {Supported} welcomed {Welcomed} ' +
    'acknowledged {Acknowledged} requested {Requested} commended {Commended} other {{verb}}}',
  actions: 'Actions',
  actionsCaption: 'Actions arising from the meeting',
  id: 'ID',
  action: 'Action',
  owner: '{count, plural, one {Owner} other {Owners}}',
  due: 'Due',
  status: 'Status',
  actionStatus:
    '{status, select, open {open} in_progress {in progress} done {done} carried_forward ' +
    '{carried forward} dropped {dropped} other {{status}}}',
  carriedFrom: 'Carried forward from the meeting of {date}',
  carriedFromEarlier: 'Carried forward from an earlier meeting',
  nextMeetingDue: 'next meeting ({date})',
  nextMeeting: 'Next meeting',
  toBeConfirmed: '(to be confirmed)',
  inPlace: 'in {place}',
  contact: 'Contact',
  email: 'Email',
  phone: 'Phone',
  web: 'Web',
  published: 'Published {date}.',
  footnotes: 'Notes',
  links: 'Links',
  image: 'Image',
  page: 'Page {page} of {pages}',
  index: 'Communiqués',
  indexIntro: 'Every communiqué published, by group, newest first.',
  formats: 'Formats',
  format:
    '{format, select, html {Web page} md {Markdown for Word} txt {Plain text} docx {Word} pdf {PDF} other {{format}}}',
  feed: 'Subscribe to the feed',
  meetingNumber: 'Meeting {number}',
  tableScroll: 'scrolls sideways',
};

const enGB: Messages = { ...en };

const enUS: Messages = {
  ...en,
  roleAndOrganisation: 'Role and organization',
};

const fr: Messages = {
  draft: 'PROJET — NE PAS PUBLIER',
  draftStatus: 'PROJET — NE PAS PUBLIER (état : {status})',
  internal: 'INTERNE',
  internalNotes: 'Notes internes',
  internalNotice: 'INTERNE — ne pas publier',
  stage: '{stage, select, draft {projet} review {en relecture} approved {approuvé} other {publié}}',
  group: 'Groupe',
  meeting: 'Réunion',
  date: 'Date',
  time: 'Heure',
  where: 'Lieu',
  chair: '{count, plural, one {Présidence} other {Coprésidence}}',
  theme: 'Thème',
  online: 'en ligne',
  placeAndOnline: '{place} et en ligne',
  mode: '{mode, select, in_person {en présentiel} virtual {en ligne} other {en présentiel et en ligne}}',
  outcomes: 'En bref',
  outcomesSummary:
    'La réunion a pris {agreements, plural, =0 {aucune décision} one {# décision} other {# ' +
    'décisions}} et fixé {actions, plural, =0 {aucune action} one {# action} other {# actions}}' +
    '.',
  contents: 'Sommaire',
  attendance: 'Participation',
  present: 'Présents',
  inAttendance: 'Également présents',
  apologies: 'Excusés',
  absent: 'Absents',
  name: 'Nom',
  roleAndOrganisation: 'Fonction et organisme',
  kind:
    '{kind, select, member {membre} guest {invité} observer {observateur} presenter ' +
    '{intervenant} secretariat {secrétariat} proxy {mandataire} other {{kind}}}',
  tookPart:
    '{attendance, select, remote {à distance} partial {pour une partie de la réunion} ' +
    'apology {excusé} absent {absent} other {présent}}',
  representing: 'représentant {what}',
  proxyFor: 'mandataire de {name}',
  agreements: 'Décisions',
  decision:
    '{verb, select, agreed {Convenu} endorsed {Entériné} approved {Approuvé} noted {Pris acte} ' +
    'resolved {Résolu} decided {Décidé} supported {Soutenu} welcomed {Salué} acknowledged ' +
    '{Reconnu} requested {Demandé} commended {Félicité} other {{verb}}}',
  actions: 'Actions',
  actionsCaption: 'Actions issues de la réunion',
  id: 'Réf.',
  action: 'Action',
  owner: '{count, plural, one {Responsable} other {Responsables}}',
  due: 'Échéance',
  status: 'État',
  actionStatus:
    '{status, select, open {ouverte} in_progress {en cours} done {terminée} carried_forward ' +
    '{reportée} dropped {abandonnée} other {{status}}}',
  carriedFrom: 'Reportée de la réunion du {date}',
  carriedFromEarlier: 'Reportée d’une réunion précédente',
  nextMeetingDue: 'prochaine réunion ({date})',
  nextMeeting: 'Prochaine réunion',
  toBeConfirmed: '(à confirmer)',
  inPlace: 'lieu : {place}',
  contact: 'Contact',
  email: 'Courriel',
  phone: 'Téléphone',
  web: 'Site',
  published: 'Publié le {date}.',
  footnotes: 'Notes',
  links: 'Liens',
  image: 'Image',
  page: 'Page {page} sur {pages}',
  index: 'Communiqués',
  indexIntro: 'Tous les communiqués publiés, par groupe, du plus récent au plus ancien.',
  formats: 'Formats',
  format:
    '{format, select, html {Page web} md {Markdown pour Word} txt {Texte brut} docx {Word} pdf {PDF} other {{format}}}',
  feed: 'S’abonner au fil',
  meetingNumber: 'Réunion nº {number}',
  tableScroll: 'défile horizontalement',
};

const es: Messages = {
  draft: 'BORRADOR — NO PUBLICAR',
  draftStatus: 'BORRADOR — NO PUBLICAR (estado: {status})',
  internal: 'INTERNO',
  internalNotes: 'Notas internas',
  internalNotice: 'INTERNO — no publicar',
  stage: '{stage, select, draft {borrador} review {en revisión} approved {aprobado} other {publicado}}',
  group: 'Grupo',
  meeting: 'Reunión',
  date: 'Fecha',
  time: 'Hora',
  where: 'Lugar',
  chair: '{count, plural, one {Presidencia} other {Copresidencia}}',
  theme: 'Tema',
  online: 'en línea',
  placeAndOnline: '{place} y en línea',
  mode: '{mode, select, in_person {presencial} virtual {en línea} other {presencial y en línea}}',
  outcomes: 'Resumen',
  outcomesSummary:
    'La reunión adoptó {agreements, plural, =0 {ningún acuerdo} one {# acuerdo} other {# ' +
    'acuerdos}} y fijó {actions, plural, =0 {ninguna acción} one {# acción} other {# acciones}}' +
    '.',
  contents: 'Índice',
  attendance: 'Asistencia',
  present: 'Presentes',
  inAttendance: 'Asisten también',
  apologies: 'Excusas',
  absent: 'Ausentes',
  name: 'Nombre',
  roleAndOrganisation: 'Cargo y organismo',
  kind:
    '{kind, select, member {miembro} guest {invitado} observer {observador} presenter {ponente}' +
    ' secretariat {secretaría} proxy {suplente} other {{kind}}}',
  tookPart:
    '{attendance, select, remote {a distancia} partial {parte de la reunión} apology {excusa} absent {ausente} other {presente}}',
  representing: 'en representación de {what}',
  proxyFor: 'suplente de {name}',
  agreements: 'Acuerdos',
  decision:
    '{verb, select, agreed {Acordó} endorsed {Respaldó} approved {Aprobó} noted {Tomó nota} ' +
    'resolved {Resolvió} decided {Decidió} supported {Apoyó} welcomed {Acogió} acknowledged ' +
    '{Reconoció} requested {Solicitó} commended {Felicitó} other {{verb}}}',
  actions: 'Acciones',
  actionsCaption: 'Acciones derivadas de la reunión',
  id: 'Ref.',
  action: 'Acción',
  owner: '{count, plural, one {Responsable} other {Responsables}}',
  due: 'Plazo',
  status: 'Estado',
  actionStatus:
    '{status, select, open {abierta} in_progress {en curso} done {hecha} carried_forward {aplazada} dropped {descartada} other {{status}}}',
  carriedFrom: 'Trasladada de la reunión del {date}',
  carriedFromEarlier: 'Trasladada de una reunión anterior',
  nextMeetingDue: 'próxima reunión ({date})',
  nextMeeting: 'Próxima reunión',
  toBeConfirmed: '(por confirmar)',
  inPlace: 'en {place}',
  contact: 'Contacto',
  email: 'Correo',
  phone: 'Teléfono',
  web: 'Web',
  published: 'Publicado el {date}.',
  footnotes: 'Notas',
  links: 'Enlaces',
  image: 'Imagen',
  page: 'Página {page} de {pages}',
  index: 'Comunicados',
  indexIntro: 'Todos los comunicados publicados, por grupo, del más reciente al más antiguo.',
  formats: 'Formatos',
  format:
    '{format, select, html {Página web} md {Markdown para Word} txt {Texto sin formato} docx {Word} pdf {PDF} other {{format}}}',
  feed: 'Suscribirse al canal',
  meetingNumber: 'Reunión n.º {number}',
  tableScroll: 'se desplaza en horizontal',
};

/** Māori: the labels a reader meets first; the rest fall back to English, marked as such. */
const mi: Messages = {
  draft: 'TAUIRA — KAUAKI E WHAKAPUTAINA',
  draftStatus: 'TAUIRA — KAUAKI E WHAKAPUTAINA ({status})',
  group: 'Rōpū',
  meeting: 'Hui',
  date: 'Rā',
  time: 'Wā',
  where: 'Wāhi',
  chair: '{count, plural, one {Heamana} other {Ngā heamana}}',
  theme: 'Kaupapa',
  online: 'ā-ipurangi',
  attendance: 'Ngā kaitae',
  present: 'I tae mai',
  apologies: 'Ngā whakapāha',
  name: 'Ingoa',
  agreements: 'Ngā whakaaetanga',
  actions: 'Ngā mahi',
  action: 'Mahi',
  due: 'Rā tuku',
  status: 'Tūnga',
  nextMeeting: 'Te hui e whai ake nei',
  inPlace: '{place}',
  contact: 'Whakapā mai',
  published: 'I whakaputaina i te {date}.',
  contents: 'Ihirangi',
  page: 'Whārangi {page} o {pages}',
};

const zhHans: Messages = {
  draft: '草稿 — 不得发布',
  draftStatus: '草稿 — 不得发布（状态：{status}）',
  internal: '内部',
  internalNotes: '内部备注',
  internalNotice: '内部 — 不得发布',
  stage: '{stage, select, draft {草稿} review {审阅中} approved {已批准} other {已发布}}',
  group: '小组',
  meeting: '会议',
  date: '日期',
  time: '时间',
  where: '地点',
  chair: '{count, plural, =1 {主席} other {联合主席}}',
  theme: '主题',
  online: '线上',
  placeAndOnline: '{place}及线上',
  mode: '{mode, select, in_person {线下} virtual {线上} other {线下及线上}}',
  outcomes: '要点',
  outcomesSummary: '会议达成 {agreements} 项决定，确定 {actions} 项行动。',
  contents: '目录',
  attendance: '出席情况',
  present: '出席',
  inAttendance: '列席',
  apologies: '请假',
  absent: '缺席',
  name: '姓名',
  roleAndOrganisation: '职务与单位',
  kind:
    '{kind, select, member {成员} guest {嘉宾} observer {观察员} presenter {报告人} ' +
    'secretariat {秘书处} proxy {代理人} other {{kind}}}',
  tookPart: '{attendance, select, remote {远程参加} partial {参加部分会议} apology {请假} absent {缺席} other {出席}}',
  representing: '代表{what}',
  proxyFor: '代理{name}',
  agreements: '决定',
  decision:
    '{verb, select, agreed {同意} endorsed {认可} approved {批准} noted {知悉} resolved {决议} decided ' +
    '{决定} supported {支持} welcomed {欢迎} acknowledged {确认} requested {要求} commended {表扬} other ' +
    '{{verb}}}',
  actions: '行动',
  actionsCaption: '会议确定的行动',
  id: '编号',
  action: '行动',
  owner: '{count, plural, other {负责方}}',
  due: '期限',
  status: '状态',
  actionStatus:
    '{status, select, open {未开始} in_progress {进行中} done {已完成} ' +
    'carried_forward {顺延} dropped {已取消} other {{status}}}',
  carriedFrom: '自{date}会议顺延',
  carriedFromEarlier: '自此前会议顺延',
  nextMeetingDue: '下次会议（{date}）',
  nextMeeting: '下次会议',
  toBeConfirmed: '（待定）',
  inPlace: '地点：{place}',
  contact: '联系方式',
  email: '电子邮件',
  phone: '电话',
  web: '网站',
  published: '发布于{date}。',
  footnotes: '注释',
  links: '链接',
  image: '图片',
  page: '第 {page} 页，共 {pages} 页',
  index: '公报',
  indexIntro: '已发布的全部公报，按小组排列，最新的在前。',
  formats: '格式',
  format: '{format, select, html {网页} md {Word 用 Markdown} txt {纯文本} docx {Word} pdf {PDF} other {{format}}}',
  feed: '订阅',
  meetingNumber: '第 {number} 次会议',
  tableScroll: '可横向滚动',
};

/** Catalogues by the language tag they are for; a tag is matched whole, then by language and script, then by language. */
export const CATALOGUES: Readonly<Record<string, Messages>> = {
  en,
  'en-AU': en,
  'en-GB': enGB,
  'en-US': enUS,
  fr,
  es,
  mi,
  'zh-Hans': zhHans,
  'zh-CN': zhHans,
  'zh-SG': zhHans,
  zh: zhHans,
};

export const ENGLISH = en;
