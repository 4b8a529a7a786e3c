start-welcome = Добро пожаловать, { $name }! Ваш аккаунт Telegram связан с Accord. Здесь вы будете получать извещения о заседаниях комиссии. Отправьте /help, чтобы узнать, что я умею.
start-known = Здравствуйте, { $name }! Отправьте /help, чтобы узнать, что я умею.
start-no-token = Здравствуйте! Это бот Межгосударственной комиссии по военно-экономическому сотрудничеству. Чтобы получить доступ, попросите у ответственного секретаря комиссии ссылку-приглашение и откройте её в Telegram.
start-token-garbled = Ссылка-приглашение повреждена. Откройте ссылку от секретаря в точности как она есть или попросите новую.
start-token-unknown = Эта ссылка-приглашение недействительна. Попросите у ответственного секретаря комиссии новую.
start-token-used = Эта ссылка-приглашение уже использована. Если это были не вы, сообщите ответственному секретарю; иначе попросите новую ссылку.
start-token-expired = Срок действия ссылки-приглашения истёк. Попросите у ответственного секретаря комиссии новую.
start-token-revoked = Эта ссылка-приглашение отозвана. Попросите у ответственного секретаря комиссии новую.
start-token-already-linked = Ваше место в комиссии уже связано с другим аккаунтом Telegram. Обратитесь к ответственному секретарю комиссии.

help =
    <b>Accord</b> — помощник комиссии.
    /meetings — ближайшие заседания и ваши ответы
    /votes — открытые голосования и голос вашего государства
    /deadlines — ваши задачи и мероприятия и их сроки
    /calendar — ваши сроки в приложении-календаре
    /login — ссылка для входа в веб-кабинет
    /settings — язык, часовой пояс, часы и напоминания
    /help — это сообщение
    Извещения о заседаниях приходят сюда с кнопками для ответа.

not-linked = Я вас пока не знаю. Попросите у ответственного секретаря комиссии ссылку-приглашение.
unknown-command = Я не знаю такой команды. Отправьте /help, чтобы узнать, что я умею.

meetings-none = Ближайших заседаний нет.
meetings-header = <b>Ближайшие заседания</b> (время: { $zone }):
meetings-item = { $index }. <b>{ $title }</b> — { $when }. Ваш ответ: { $answer }
meetings-answer-yes = буду участвовать
meetings-answer-no = не смогу участвовать
meetings-answer-none = ещё не дан

meeting-kind-regular = Очередное заседание
meeting-kind-extraordinary = Внеочередное заседание
meeting-kind-working_group = Заседание рабочей группы
meeting-kind-conference = Конференция

notice-header-new = 📣 <b>Извещение о заседании</b>
notice-header-updated = ✏️ <b>Заседание изменено</b> — проверьте подробности
notice-header-cancelled = ❌ <b>Заседание отменено</b>
notice-title = <b>{ $title }</b>
notice-when = 🗓 { $when } ({ $zone })
notice-place = 📍 { $place }
notice-link = 🔗 { $link }
notice-agenda = <b>Повестка дня</b>
notice-agenda-more = { $count ->
    [one] … и ещё { $count } вопрос
    [few] … и ещё { $count } вопроса
   *[many] … и ещё { $count } вопросов
}
notice-question = Будете ли вы участвовать?
notice-answer-yes = ✅ Ваш ответ: буду участвовать. Его можно изменить до начала заседания.
notice-answer-no = ❌ Ваш ответ: не смогу участвовать. Его можно изменить до начала заседания.
notice-cancelled-was = Оно было назначено на { $when } ({ $zone }).
notice-group-hint = Члены комиссии отвечают в личном чате с ботом.

button-attend = ✅ Буду участвовать
button-decline = ❌ Не смогу
button-calendar = 📅 Файл календаря (.ics)
button-open-bot = Открыть бота

rsvp-recorded-yes = Записано: вы будете участвовать.
rsvp-recorded-no = Записано: вы не сможете участвовать.
rsvp-unchanged = Ваш ответ уже записан.
rsvp-MeetingCancelled = Это заседание отменено.
rsvp-NotNotified = Об этом заседании ещё не извещали.
rsvp-MeetingOver = Заседание уже прошло; ответы не принимаются.
rsvp-unknown-meeting = Этого заседания больше нет.
calendar-sent = Файл календаря — в чате.

button-invalid = Эта кнопка недействительна.
button-not-for-you = Эта кнопка предназначена не вам.
button-in-private = Ответьте, пожалуйста, в личном чате с ботом.

person-unreachable = ⚠️ <b>{ $name }</b> недоступен в Telegram: бот заблокирован или не запущен. Извещения не будут доходить, пока бот снова не будет запущен.

login-link = Ваша ссылка для входа в веб-кабинет. Она действует один раз, 10 минут, и только для вас — не пересылайте её:
    { $url }
login-button = Открыть веб-кабинет
calendar-link = Адрес вашего календаря: вехи и сроки мероприятий, за которые вы отвечаете. Подпишитесь на него в приложении-календаре (Outlook, Google, Apple). Не передавайте его другим; новая команда /calendar создаёт новый адрес и отменяет этот:
    { $url }

reminder-digest-title = 🔔 <b>Напоминания</b>
reminder-meeting-7d = Заседание <b>{ $title }</b> через неделю: { $when }
reminder-meeting-1d = Заседание <b>{ $title }</b> завтра: { $when }
reminder-meeting-1h = Заседание <b>{ $title }</b> начнётся в течение часа: { $when }
reminder-deadline-14d = Срок задачи <b>{ $title }</b> — через две недели, { $date }
reminder-deadline-3d = Срок задачи <b>{ $title }</b> — через три дня, { $date }
reminder-deadline-day = Срок задачи <b>{ $title }</b> — сегодня, { $date }
reminder-overdue = Задача <b>{ $title }</b> просрочена: срок был { $date }. Отметьте её выполненной или попросите продления через /deadlines.
reminder-escalation = Задача <b>{ $title }</b> ({ $person }) просрочена: срок был { $date }.
reminder-folded = { $count ->
    [one] { $count } более раннее напоминание пришлось на время, когда Accord не работал; оно учтено выше.
    [few] { $count } более ранних напоминания пришлись на время, когда Accord не работал; они учтены выше.
   *[many] { $count } более ранних напоминаний пришлись на время, когда Accord не работал; они учтены выше.
}

# working groups
deadlines-none = У вас нет открытых задач.
deadlines-header = <b>Ваши задачи</b>
deadlines-item = №{ $id } <b>{ $title }</b> — срок { $date }
deadlines-item-overdue = №{ $id } <b>{ $title }</b> — ⚠️ просрочена с { $date }
deadlines-hint = Отметьте задачу выполненной или попросите у секретаря больше времени.
deadlines-done = ✅ Выполнена №{ $id }
deadlines-more-time = ⏳ Продлить №{ $id }
deadlines-marked-done = Отмечено как выполненное: { $title }
extend-how = Чтобы попросить продления задачи №{ $id } (сейчас срок { $date }), отправьте:
    <code>/extend { $id } ГГГГ-ММ-ДД причина</code>
extend-usage = Отправьте <code>/extend номер-задачи ГГГГ-ММ-ДД причина</code>, например <code>/extend 12 2027-06-01 Ждём замечаний министерства</code>.
extend-sent = Ваша просьба перенести <b>{ $title }</b> на { $date } передана секретарю. О решении вы узнаете здесь.
task-error-NotResponsible = Это может сделать только ответственный за задачу.
task-error-TaskClosed = Эта задача уже закрыта.
task-error-NotLater = Новый срок должен быть позже текущего.
task-error-AlreadyPending = Просьба о продлении уже ждёт решения секретаря.
task-error-AlreadyDecided = По этой просьбе уже принято решение.
task-error-NotAMember = Ответственный должен входить в рабочую группу.
task-assigned = 📌 Рабочая группа <b>{ $group }</b>: задача <b>{ $title }</b> для { $person }, срок { $date }. Подробнее — /deadlines.
task-done = ✅ { $person } отметил(а) задачу <b>{ $title }</b> ({ $group }) как выполненную.
extension-requested = ⏳ { $person } просит перенести <b>{ $title }</b> с { $from } на { $to }: { $reason }
    Решение — в веб-кабинете.
extension-granted = ✅ Продление предоставлено: новый срок задачи <b>{ $title }</b> — { $date }.
extension-refused = ❌ В продлении задачи <b>{ $title }</b> отказано. { $note }

# statute rhythm and weekly digest
reminder-meetings-minimum = Положение требует не менее { $minimum } заседаний в год; на { $year } год проведено или назначено: { $count }. Назначьте следующее заседание заблаговременно.
reminder-report-due = Годовой отчёт о ходе работы за { $year } год нужно представить { $date }.
weekly-nothing-overdue = Обзор недели: просроченных задач нет.
weekly-overdue = Обзор недели: { $count ->
    [one] просрочена { $count } задача.
    [few] просрочены { $count } задачи.
   *[many] просрочено { $count } задач.
}
weekly-by-state = По государствам:
weekly-by-direction = По направлениям или рабочим группам:
weekly-oldest = Первые из них:
weekly-no-state = Без государства

# unanswered notices
reminder-unanswered = На извещение о заседании <b>{ $title }</b> ({ $when }) ещё не ответили ({ $count }): { $names }

# settings
settings-title = ⚙️ <b>Ваши настройки</b>
settings-language = Язык: { $language }
settings-zone = Часовой пояс: { $zone }
settings-work = Рабочие часы: { $hours } (напоминания на день приходят в их начале)
settings-quiet = Тихие часы: { $hours } (в это время напоминания не приходят)
settings-reminder-meeting = Напоминания о заседаниях: { $state }
settings-reminder-deadline = Напоминания о сроках задач: { $state }
settings-state-on = включены
settings-state-off = выключены
settings-always = Голосования, согласования и эскалации приходят всегда — их отключить нельзя.
settings-applies = Изменения действуют со следующего напоминания.
settings-hint = Изменить их можно кнопками: язык, часовой пояс, рабочие часы (💼), тихие часы (🌙).
settings-language-name-ru = Русский
settings-language-name-en = English
settings-city-yerevan = Ереван
settings-city-minsk = Минск
settings-city-almaty = Алматы
settings-city-bishkek = Бишкек
settings-city-moscow = Москва
settings-city-dushanbe = Душанбе
settings-city-utc = UTC
settings-zone-other = Другой…
settings-button-off-meeting = 🔕 Отключить напоминания о заседаниях
settings-button-on-meeting = 🔔 Включить напоминания о заседаниях
settings-button-off-deadline = 🔕 Отключить напоминания о сроках
settings-button-on-deadline = 🔔 Включить напоминания о сроках
settings-saved = Сохранено.
settings-unchanged = Эта настройка уже выбрана.
settings-hours-overlap = Рабочие часы { $work } пересекаются с тихими часами { $quiet }. Выберите часы, которые не пересекаются.
settings-zone-asked = Напишите название пояса в чат.
settings-zone-ask = Напишите название своего часового пояса так, как оно записано в базе IANA, например Europe/Moscow или Asia/Tashkent. Чтобы оставить пояс прежним, отправьте «отмена».
settings-zone-invalid = «{ $input }» — такого часового пояса я не знаю. Напишите название вроде Europe/Moscow или Asia/Almaty либо отправьте «отмена».
settings-zone-saved = Часовой пояс сохранён: { $zone }.
settings-zone-cancelled = Часовой пояс остался прежним.

# Голосования
vote-choice-for = За
vote-choice-against = Против
vote-choice-abstain = Воздержаться
silence-choice-for = Нет возражений
silence-choice-against = Возражаю
silence-choice-abstain = Воздержаться
ballot-header-recommendation = 🗳 <b>Голосование по проекту рекомендации</b> (редакция { $version })
ballot-header-decision = 🗳 <b>Голосование по проекту решения</b> (редакция { $version })
ballot-rule-consensus = Порядок: консенсус — принято, если ни одно государство не против и есть кворум.
ballot-rule-majority = Порядок: большинство — принято, если «за» не менее { $fraction } государств, имеющих право голоса.
ballot-rule-silence = Порядок: процедура умолчания — принято к сроку, если ни одно государство не возразит.
ballot-closes = Голосование завершится: <b>{ $when }</b> ({ $zone })
ballot-closed-adopted = Голосование завершено { $when }: <b>принято</b>.
ballot-closed-not-adopted = Голосование завершено { $when }: <b>не принято</b>.
ballot-text-as-document = Полный текст — в документе, отправленном вместе с бюллетенем.
ballot-state-not-voted = { $state }: голос ещё не подан.
ballot-state-voted = { $state }: <b>{ $choice }</b> — { $by }, { $at }.
ballot-cast-by-letter = официальным письмом
ballot-cast-in-room = в зале заседания
ballot-remark-comment = Комментарий: { $text }
ballot-remark-reservation = Особое мнение: { $text }
ballot-can-change = Голос государства можно изменить до завершения голосования.
ballot-participation = Проголосовало государств: { $voted } из { $eligible } — { $quorum }.
ballot-quorum-met = кворум есть
ballot-quorum-not-met = кворума пока нет
ballot-results-hidden = Итоги скрыты до завершения голосования.
button-vote-in-private = 🗳 Голосовать в личном чате
button-vote-comment = 💬 Комментарий
button-vote-reservation = ⚖️ Особое мнение
button-refresh = 🔄 Обновить
button-open-ballot = 🗳 Открыть бюллетень
ballot-channel-letter = письмом
ballot-channel-room = в зале
ballot-no-vote = не голосовало
ballot-remark-kind-comment = комментарий
ballot-remark-kind-reservation = особое мнение
ballot-result-adopted = ✅ <b>Принято</b>
ballot-result-not-adopted = ❌ <b>Не принято</b>
ballot-result-closed-at = Голосование завершено { $when }.
ballot-result-remarks = <b>Комментарии и особые мнения</b>
ballot-text-caption = Полный текст: <b>{ $title }</b>, редакция { $version }.
ballot-extended = ⏳ Голосование по «<b>{ $title }</b>» продлено: теперь оно завершится { $when } ({ $zone }).
ballot-nudge = 🔔 Ваше государство ещё не проголосовало по «<b>{ $title }</b>». Голосование завершится { $when } ({ $zone }).
ballot-press-in-private = Голосуют в личном чате с ботом.
ballot-unknown = Этого голосования больше нет.
ballot-refreshed = Обновлено.
ballot-not-eligible-no-state = Вы не аккредитованный представитель государства-участника и не можете голосовать.
ballot-not-eligible-state = Ваше государство не участвует в этом голосовании.
ballot-closed-already = Голосование завершено. Ничего не изменено.
ballot-not-open-yet = Голосование ещё не началось.
ballot-vote-unchanged = Это уже голос вашего государства.
ballot-vote-recorded = Учтено: { $choice }
ballot-remark-vote-first = Сначала проголосуйте: комментарий или особое мнение прилагается к голосу государства.
ballot-remark-ask-comment = Отправьте комментарий одним сообщением (до { $max } знаков) или /cancel.
ballot-remark-ask-reservation = Отправьте особое мнение государства одним сообщением (до { $max } знаков) или /cancel.
ballot-remark-cancelled = Отменено: ничего не добавлено.
ballot-remark-too-long = В сообщении { $length } знаков, а можно не более { $max }. Отправьте его снова или /cancel.
ballot-remark-saved-comment = Комментарий приложен к голосу вашего государства.
ballot-remark-saved-reservation = Особое мнение приложено к голосу вашего государства.
ballot-remark-not-saved = Голосование завершено или голоса государства больше нет: ничего не записано.
votes-none = Открытых для вас голосований нет.
votes-header = <b>Открытые голосования</b>
votes-not-voter = вы в нём не голосуете
votes-not-voted = государство ещё не проголосовало
votes-line = <b>{ $title }</b>
    Ваше государство: { $choice }. Проголосовало: { $voted } из { $eligible }. Завершится { $when }.
reminder-ballot-not-voted = Ваше государство не проголосовало по «<b>{ $title }</b>»; голосование завершится { $when }. Отправьте /votes, чтобы проголосовать.
reminder-ballot-summary = Ещё не проголосовали по «<b>{ $title }</b>» (завершится { $when }): { $names }.

# Мероприятия программы в /deadlines
deadlines-activities-header = <b>Мероприятия программы</b>
deadlines-activity = • <b>{ $title }</b> — до { $date }, выполнено { $progress } %. Ближайший этап: { $milestone }
deadlines-activity-overdue = • ⚠️ <b>{ $title }</b> — срок был { $date }, выполнено { $progress } %. Ближайший этап: { $milestone }
deadlines-report-progress = 📈 { $title }
deadlines-milestone-reached = ✅ { $title }
activity-progress-ask = Насколько выполнено мероприятие <b>{ $title }</b>? Сейчас { $progress } %.
activity-progress-recorded = Записано: { $progress } %
activity-progress-done = Выполнение мероприятия <b>{ $title }</b>: { $progress } %. Секретарь извещён.
activity-milestone-recorded = Этап отмечен как достигнутый.
activity-error-NotResponsible = Вы не отвечаете за это мероприятие.
activity-error-ActivityClosed = Мероприятие завершено или отменено.
activity-error-MilestoneUnknown = Этого этапа в мероприятии больше нет.
activity-error-MilestoneReached = Этот этап уже отмечен как достигнутый.
activity-reported-progress = 📈 { $person } сообщает: мероприятие <b>{ $title }</b> выполнено на { $progress } %.
activity-reported-milestone = ✅ { $person } сообщает: этап «{ $milestone }» мероприятия <b>{ $title }</b> достигнут.
# реестр решений
reminder-response-outstanding = { $kind ->
    [decision] Решение
   *[recommendation] Рекомендация
} <b>№ { $number }</b> «{ $title }» от { $date }: { $state } — { $status ->
    [sent] документ направлен правительству, ответ ещё не получен.
    [under-consideration] на рассмотрении правительства, о принятии пока не сообщено.
   *[none] ответ правительства ещё не зарегистрирован.
} Пожалуйста, уточните, как обстоит дело, и сообщите секретарю.

# Протоколы
minutes-header = 📝 <b>Протокол: { $title }</b>
minutes-attended = Присутствовали ({ $count }): { $names }
minutes-no-outcome = (итог не записан)
minutes-draft-draft = проект
minutes-draft-voting = поставлен на голосование
minutes-draft-adopted = принят
minutes-draft-rejected = не принят
minutes-draft-withdrawn = отозван

sign-off-report-title = Ежегодный доклад о ходе работы за { $year } год
sign-off-prompt-title = ✍️ <b>На утверждение: ежегодный доклад о ходе работы за { $year } год</b>
sign-off-prompt-version = Версия { $version } · хеш содержания <code>{ $hash }</code>
sign-off-prompt-meetings = Проведено заседаний: { $held } при минимуме по уставу { $minimum }{ $met ->
    [yes] {""}
   *[no] {" "}— минимум не выполнен
}
sign-off-prompt-decisions = Принято рекомендаций и решений: { $count }
sign-off-prompt-program = Программа «{ $title }»: { $progress }
sign-off-prompt-no-progress = мероприятия не учтены
sign-off-prompt-overdue = Просрочено: { $count }
sign-off-prompt-changes-title = <b>Изменено с версии { $version }, которую вы вернули:</b>
sign-off-prompt-your-comment = Ваше замечание: <i>{ $comment }</i>
sign-off-prompt-no-changes = С версии { $version }, которую вы вернули, ничего не изменилось.
sign-off-change-text = { $section }: изменён текст (+{ $added } / −{ $removed } строк)
sign-off-change-formatting = { $section }: изменено оформление
sign-off-change-figures = { $section }: { $figures }
sign-off-change-more = … и ещё показателей: { $count }
sign-off-change-more-lines = … и ещё изменений: { $count } (см. PDF)
sign-off-button-approve = ✅ Утвердить
sign-off-button-changes = ✏️ Вернуть на доработку
sign-off-button-confirm = Да, утвердить версию { $version }
sign-off-button-cancel = Отмена
sign-off-confirm-ask = Утвердить версию { $version }? Подтвердите.
sign-off-confirm-cancelled = Не утверждено: ничего не записано.
sign-off-approved = ✅ Вы утвердили версию { $version } ежегодного доклада за { $year } год. Доклад больше не изменяется; секретарь уведомлён.
sign-off-approved-answer = Утверждено: версия { $version }
sign-off-comment-ask = Что нужно изменить в версии { $version }? Отправьте замечание одним сообщением (до { $max } символов) или /cancel.
sign-off-comment-too-long = В сообщении { $length } символов; уложитесь в { $max }. Отправьте ещё раз или /cancel.
sign-off-comment-cancelled = Отменено: ничего не возвращено.
sign-off-returned = ↩️ Доклад за { $year } год (версия { $version }) возвращён секретарю с вашим замечанием.
sign-off-refused-not-chairman = Утвердить или вернуть это может только председатель (или названный им заместитель). Ничего не изменено.
sign-off-refused-stale = Этот запрос устарел: после версии { $version } были изменения. Ничего не записано; секретарь направит текущую версию.
sign-off-refused-answered = По этой версии уже есть ответ: { $state }. Ничего не изменено.
sign-off-refused-unknown = Такого запроса больше нет.
sign-off-refused-comment = Замечание не может быть пустым.
sign-off-state-approved = утверждена
sign-off-state-changes-requested = возвращена на доработку
sign-off-state-superseded = заменена новой версией
sign-off-state-requested = ожидает ответа
sign-off-decided-approved = ✅ <b>{ $name }</b> утвердил(а) версию { $version } ежегодного доклада за { $year } год{ $capacity ->
    [deputy] {" "}как заместитель председателя
   *[chairman] {""}
}. Доклад больше не изменяется.
sign-off-decided-changes = ↩️ <b>{ $name }</b> вернул(а) версию { $version } ежегодного доклада за { $year } год{ $capacity ->
    [deputy] {" "}(как заместитель председателя)
   *[chairman] {""}
} на доработку:
    <i>{ $comment }</i>
reminder-sign-off = Ежегодный доклад за { $year } год (версия { $version }) ждёт вашего утверждения с { $date }.
reminder-sign-off-escalation = Председатель ещё не ответил по ежегодному докладу за { $year } год (версия { $version }), направленному { $date }.
sign-off-item-agenda = повестки заседания «{ $title }»
sign-off-item-draft = проекта «{ $title }»
sign-off-prompt-agenda-title = ✍️ <b>На утверждение: повестка заседания «{ $title }»</b>
sign-off-prompt-agenda-when = 🗓 { $when }
sign-off-prompt-agenda-place = 📍 { $place }
sign-off-prompt-agenda-items = <b>Повестка:</b>
sign-off-prompt-agenda-after = Уведомления будут разосланы после того, как вы утвердите эту повестку.
sign-off-prompt-draft-title = ✍️ <b>На утверждение перед голосованием: проект «{ $title }»</b>
sign-off-prompt-draft-after = Голосование по этой версии откроется только после вашего утверждения.
sign-off-prompt-draft-as-document = Полный текст — в приложенном файле.
sign-off-approved-item = ✅ Вы утвердили версию { $version } { $item }. Секретарь уведомлён.
sign-off-returned-item = ↩️ Версия { $version } { $item } возвращена секретарю с вашим замечанием.
sign-off-decided-approved-item = ✅ <b>{ $name }</b> утвердил(а) версию { $version } { $item }{ $capacity ->
    [deputy] {" "}как заместитель председателя
   *[chairman] {""}
}.
sign-off-decided-changes-item = ↩️ <b>{ $name }</b> вернул(а) версию { $version } { $item }{ $capacity ->
    [deputy] {" "}(как заместитель председателя)
   *[chairman] {""}
} на доработку:
    <i>{ $comment }</i>
reminder-sign-off-item = Версия { $version } { $item } ждёт вашего утверждения с { $date }.
reminder-sign-off-escalation-item = Председатель ещё не ответил по версии { $version } { $item }, направленной { $date }.
section-meetings = Проведённые заседания
section-decisions = Принятые рекомендации и решения
section-programs = Ход выполнения программы
section-working-groups = Рабочие группы
section-overdue = Просроченное
report-doc-organisation = Организация Договора о коллективной безопасности
report-doc-subtitle = Представляется Генеральному секретарю Организации
report-doc-col-meeting = Заседание
report-doc-col-date = Дата
report-doc-col-present = Присутствовали
report-doc-col-states = Государства
report-doc-col-number = №
report-doc-col-title = Наименование
report-doc-col-adopted = Принято
report-doc-col-votes = За / против / воздержались
report-doc-col-direction = Направление
report-doc-col-progress = Выполнение
report-doc-col-activities = Мероприятия
report-doc-col-done = Выполнено
report-doc-col-overdue = Просрочено
report-doc-col-group = Рабочая группа
report-doc-col-tasks = Задачи
report-doc-col-open = Открыто
report-doc-col-due = Срок
report-doc-col-days = Дней просрочки
report-doc-sittings = Проведено заседаний: { $held } (минимум по уставу — { $minimum }).
report-doc-adopted = Принято рекомендаций: { $recommendations }; решений: { $decisions }.
report-doc-overdue = Просрочено: мероприятий — { $activities }, задач — { $tasks } (на { $date }).
report-doc-nothing = Записей нет.
