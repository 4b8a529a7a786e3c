start-welcome = Welcome, { $name }! Your Telegram account is now linked to Accord. You will get the commission's meeting notices here. Send /help to see what I can do.
start-known = Hello, { $name }! Send /help to see what I can do.
start-no-token = Hello! This is the bot of the Interstate Commission for Military-Economic Cooperation. To get access, ask the commission's secretary for an invitation link and open it in Telegram.
start-token-garbled = This invitation link is damaged. Please open the link the secretary sent you exactly as it is, or ask for a new one.
start-token-unknown = This invitation link is not valid. Please ask the commission's secretary for a new one.
start-token-used = This invitation link has already been used. If it was not you, tell the commission's secretary; otherwise ask for a new link.
start-token-expired = This invitation link has expired. Please ask the commission's secretary for a new one.
start-token-revoked = This invitation link has been withdrawn. Please ask the commission's secretary for a new one.
start-token-already-linked = Your place in the commission is already linked to another Telegram account. Please contact the commission's secretary.

help =
    <b>Accord</b> — the commission's assistant.
    /meetings — upcoming meetings and your answers
    /votes — open ballots and your state's vote
    /deadlines — your tasks and activities, with their deadlines
    /calendar — your deadlines in your calendar app
    /login — a sign-in link for the dashboard
    /settings — language, time zone, hours and reminders
    /help — this message
    Meeting notices arrive here with buttons to answer them.

not-linked = I do not know you yet. Ask the commission's secretary for an invitation link.
unknown-command = I do not know that command. Send /help to see what I can do.

meetings-none = There are no upcoming meetings.
meetings-header = <b>Upcoming meetings</b> (times in { $zone }):
meetings-item = { $index }. <b>{ $title }</b> — { $when }. Your answer: { $answer }
meetings-answer-yes = you will attend
meetings-answer-no = you cannot attend
meetings-answer-none = not given yet

meeting-kind-regular = Regular meeting
meeting-kind-extraordinary = Extraordinary meeting
meeting-kind-working_group = Working group meeting
meeting-kind-conference = Conference

notice-header-new = 📣 <b>Meeting notice</b>
notice-header-updated = ✏️ <b>Meeting changed</b> — please check the details
notice-header-cancelled = ❌ <b>Meeting cancelled</b>
notice-title = <b>{ $title }</b>
notice-when = 🗓 { $when } ({ $zone })
notice-place = 📍 { $place }
notice-link = 🔗 { $link }
notice-agenda = <b>Agenda</b>
notice-agenda-more = { $count ->
    [one] … and one more item
   *[other] … and { $count } more items
}
notice-question = Will you attend?
notice-answer-yes = ✅ Your answer: you will attend. You can change it until the meeting starts.
notice-answer-no = ❌ Your answer: you cannot attend. You can change it until the meeting starts.
notice-cancelled-was = It was planned for { $when } ({ $zone }).
notice-group-hint = Members answer in their private chat with the bot.

button-attend = ✅ I will attend
button-decline = ❌ I cannot attend
button-calendar = 📅 Calendar file (.ics)
button-open-bot = Open the bot

rsvp-recorded-yes = Recorded: you will attend.
rsvp-recorded-no = Recorded: you cannot attend.
rsvp-unchanged = Your answer is already recorded.
rsvp-MeetingCancelled = This meeting has been cancelled.
rsvp-NotNotified = This meeting has not been announced.
rsvp-MeetingOver = This meeting is over; answers are closed.
rsvp-unknown-meeting = This meeting no longer exists.
calendar-sent = The calendar file is in the chat.

button-invalid = This button is not valid.
button-not-for-you = This button is not meant for you.
button-in-private = Please answer in your private chat with the bot.

person-unreachable = ⚠️ <b>{ $name }</b> cannot be reached in Telegram: they blocked the bot or never started it. They will not get notices until they start it again.

login-link = Your sign-in link for the dashboard. It works once, for 10 minutes, and only for you — do not forward it:
    { $url }
login-button = Open the dashboard
calendar-link = The address of your calendar: the milestones and deadlines of the activities you are responsible for. Subscribe to it in your calendar app (Outlook, Google, Apple). Keep it to yourself; sending /calendar again makes a new address and ends this one:
    { $url }

reminder-digest-title = 🔔 <b>Reminders</b>
reminder-meeting-7d = Meeting <b>{ $title }</b> in a week: { $when }
reminder-meeting-1d = Meeting <b>{ $title }</b> tomorrow: { $when }
reminder-meeting-1h = Meeting <b>{ $title }</b> starts within the hour: { $when }
reminder-deadline-14d = Task <b>{ $title }</b> is due in two weeks, on { $date }
reminder-deadline-3d = Task <b>{ $title }</b> is due in three days, on { $date }
reminder-deadline-day = Task <b>{ $title }</b> is due today, { $date }
reminder-overdue = Task <b>{ $title }</b> is overdue: it was due on { $date }. Mark it done or ask for more time with /deadlines.
reminder-escalation = Task <b>{ $title }</b> of { $person } is overdue: it was due on { $date }.
reminder-folded = { $count ->
    [one] One earlier reminder came due while Accord was offline; it is included above.
   *[other] { $count } earlier reminders came due while Accord was offline; they are included above.
}

# working groups
deadlines-none = You have no open tasks.
deadlines-header = <b>Your tasks</b>
deadlines-item = #{ $id } <b>{ $title }</b> — due { $date }
deadlines-item-overdue = #{ $id } <b>{ $title }</b> — ⚠️ overdue since { $date }
deadlines-hint = Mark a task done, or ask the secretary for more time.
deadlines-done = ✅ Done #{ $id }
deadlines-more-time = ⏳ More time #{ $id }
deadlines-marked-done = Marked done: { $title }
extend-how = To ask for more time for task #{ $id } (now due { $date }), send:
    <code>/extend { $id } YYYY-MM-DD reason</code>
extend-usage = Send <code>/extend task-number YYYY-MM-DD reason</code>, for example <code>/extend 12 2027-06-01 Waiting for the ministry's comments</code>.
extend-sent = Your request to move <b>{ $title }</b> to { $date } has gone to the secretary. You will be told the decision here.
task-error-NotResponsible = Only the person responsible for this task can do that.
task-error-TaskClosed = This task is already closed.
task-error-NotLater = The new date must be after the current deadline.
task-error-AlreadyPending = A request for more time is already waiting for the secretary's decision.
task-error-AlreadyDecided = This request has already been decided.
task-error-NotAMember = The person responsible must be a member of the working group.
task-assigned = 📌 Working group <b>{ $group }</b>: task <b>{ $title }</b> for { $person }, due { $date }. See /deadlines.
task-done = ✅ { $person } marked the task <b>{ $title }</b> ({ $group }) done.
extension-requested = ⏳ { $person } asks to move <b>{ $title }</b> from { $from } to { $to }: { $reason }
    Grant or refuse it on the dashboard.
extension-granted = ✅ Granted: <b>{ $title }</b> is now due { $date }.
extension-refused = ❌ Your request to move <b>{ $title }</b> was refused. { $note }

# statute rhythm and weekly digest
reminder-meetings-minimum = The statute requires at least { $minimum } meetings a year; { $count } held or scheduled for { $year }. Please schedule the next one in time.
reminder-report-due = The annual progress report for { $year } is due on { $date }.
weekly-nothing-overdue = Weekly review: nothing is overdue.
weekly-overdue = Weekly review: { $count ->
    [one] one task is overdue.
   *[other] { $count } tasks are overdue.
}
weekly-by-state = By state:
weekly-by-direction = By direction or working group:
weekly-oldest = The first of them:
weekly-no-state = No state

# unanswered notices
reminder-unanswered = No answer yet to the notice for <b>{ $title }</b> ({ $when }) from { $count ->
    [one] one person
   *[other] { $count } people
}: { $names }

# settings
settings-title = ⚙️ <b>Your settings</b>
settings-language = Language: { $language }
settings-zone = Time zone: { $zone }
settings-work = Working hours: { $hours } (day reminders arrive at their start)
settings-quiet = Quiet hours: { $hours } (no reminders then)
settings-reminder-meeting = Meeting reminders: { $state }
settings-reminder-deadline = Deadline reminders: { $state }
settings-state-on = on
settings-state-off = off
settings-always = Ballots, approvals and escalations always arrive; they cannot be turned off.
settings-applies = Changes apply from the next reminder on.
settings-hint = Change them with the buttons: language, time zone, working hours (💼), quiet hours (🌙).
settings-language-name-ru = Русский
settings-language-name-en = English
settings-city-yerevan = Yerevan
settings-city-minsk = Minsk
settings-city-almaty = Almaty
settings-city-bishkek = Bishkek
settings-city-moscow = Moscow
settings-city-dushanbe = Dushanbe
settings-city-utc = UTC
settings-zone-other = Other…
settings-button-off-meeting = 🔕 Turn off meeting reminders
settings-button-on-meeting = 🔔 Turn on meeting reminders
settings-button-off-deadline = 🔕 Turn off deadline reminders
settings-button-on-deadline = 🔔 Turn on deadline reminders
settings-saved = Saved.
settings-unchanged = That is already your setting.
settings-hours-overlap = Working hours { $work } would overlap quiet hours { $quiet }. Choose hours that do not overlap.
settings-zone-asked = Type the zone's name in the chat.
settings-zone-ask = Type your time zone's name as the IANA database writes it, for example Europe/Moscow or Asia/Tashkent. Send “cancel” to leave it as it is.
settings-zone-invalid = “{ $input }” is not a time zone I know. Type a name like Europe/Moscow or Asia/Almaty, or send “cancel”.
settings-zone-saved = Time zone saved: { $zone }.
settings-zone-cancelled = Your time zone stays as it was.

# Ballots
vote-choice-for = For
vote-choice-against = Against
vote-choice-abstain = Abstain
silence-choice-for = No objection
silence-choice-against = Objection
silence-choice-abstain = Abstain
ballot-header-recommendation = 🗳 <b>Vote on a draft recommendation</b> (version { $version })
ballot-header-decision = 🗳 <b>Vote on a draft decision</b> (version { $version })
ballot-rule-consensus = Rule: consensus — adopted if no state votes against and the quorum is met.
ballot-rule-majority = Rule: majority — adopted if states voting for reach { $fraction } of the eligible states.
ballot-rule-silence = Rule: silence procedure — adopted at the deadline unless a state objects.
ballot-closes = Voting closes: <b>{ $when }</b> ({ $zone })
ballot-closed-adopted = Voting closed { $when }: <b>adopted</b>.
ballot-closed-not-adopted = Voting closed { $when }: <b>not adopted</b>.
ballot-text-as-document = The full text is in the document sent with this ballot.
ballot-state-not-voted = { $state } has not voted yet.
ballot-state-voted = { $state } voted: <b>{ $choice }</b> — { $by }, { $at }.
ballot-cast-by-letter = by official letter
ballot-cast-in-room = in the meeting room
ballot-remark-comment = Comment: { $text }
ballot-remark-reservation = Reservation: { $text }
ballot-can-change = Your state's vote can be changed until voting closes.
ballot-participation = States voted: { $voted } of { $eligible } — { $quorum }.
ballot-quorum-met = quorum reached
ballot-quorum-not-met = no quorum yet
ballot-results-hidden = The tally is hidden until voting closes.
button-vote-in-private = 🗳 Vote in the private chat
button-vote-comment = 💬 Comment
button-vote-reservation = ⚖️ Reservation
button-refresh = 🔄 Refresh
button-open-ballot = 🗳 Open the ballot
ballot-channel-letter = by letter
ballot-channel-room = in the room
ballot-no-vote = did not vote
ballot-remark-kind-comment = comment
ballot-remark-kind-reservation = reservation
ballot-result-adopted = ✅ <b>Adopted</b>
ballot-result-not-adopted = ❌ <b>Not adopted</b>
ballot-result-closed-at = Voting closed { $when }.
ballot-result-remarks = <b>Comments and reservations</b>
ballot-text-caption = The full text of <b>{ $title }</b>, version { $version }.
ballot-extended = ⏳ Voting on <b>{ $title }</b> has been extended: it now closes { $when } ({ $zone }).
ballot-nudge = 🔔 Your state has not voted yet on <b>{ $title }</b>. Voting closes { $when } ({ $zone }).
ballot-press-in-private = Votes are cast in your private chat with the bot.
ballot-unknown = This ballot no longer exists.
ballot-refreshed = Updated.
ballot-not-eligible-no-state = You are not an accredited representative of a member state, so you cannot vote.
ballot-not-eligible-state = Your state does not vote in this ballot.
ballot-closed-already = Voting has closed. Nothing was changed.
ballot-not-open-yet = Voting has not opened yet.
ballot-vote-unchanged = That is your state's vote already.
ballot-vote-recorded = Recorded: { $choice }
ballot-remark-vote-first = Vote first: a comment or a reservation goes with your state's vote.
ballot-remark-ask-comment = Send your comment as one message (up to { $max } characters), or /cancel.
ballot-remark-ask-reservation = Send your state's reservation (dissenting opinion) as one message (up to { $max } characters), or /cancel.
ballot-remark-cancelled = Cancelled: nothing was added.
ballot-remark-too-long = That is { $length } characters; please keep it within { $max }. Send it again, or /cancel.
ballot-remark-saved-comment = Your comment is recorded with your state's vote.
ballot-remark-saved-reservation = Your state's reservation is recorded with its vote.
ballot-remark-not-saved = Voting has closed or your state's vote is gone: nothing was recorded.
votes-none = There are no open ballots for you.
votes-header = <b>Open ballots</b>
votes-not-voter = you do not vote in it
votes-not-voted = your state has not voted
votes-line = <b>{ $title }</b>
    Your state: { $choice }. Voted: { $voted } of { $eligible }. Closes { $when }.
reminder-ballot-not-voted = Your state has not voted on <b>{ $title }</b>; voting closes { $when }. Send /votes to vote.
reminder-ballot-summary = Not yet voted on <b>{ $title }</b> (closes { $when }): { $names }.

# Program activities in /deadlines
deadlines-activities-header = <b>Program activities</b>
deadlines-activity = • <b>{ $title }</b> — ends { $date }, { $progress } % done. Next milestone: { $milestone }
deadlines-activity-overdue = • ⚠️ <b>{ $title }</b> — was due { $date }, { $progress } % done. Next milestone: { $milestone }
deadlines-report-progress = 📈 { $title }
deadlines-milestone-reached = ✅ { $title }
activity-progress-ask = How far is <b>{ $title }</b>? It stands at { $progress } %.
activity-progress-recorded = Recorded: { $progress } %
activity-progress-done = Progress of <b>{ $title }</b>: { $progress } %. The secretary has been told.
activity-milestone-recorded = Milestone recorded as reached.
activity-error-NotResponsible = You are not responsible for this activity.
activity-error-ActivityClosed = This activity is finished or cancelled.
activity-error-MilestoneUnknown = This milestone is no longer part of the activity.
activity-error-MilestoneReached = This milestone is already marked reached.
activity-reported-progress = 📈 { $person } reports <b>{ $title }</b> at { $progress } %.
activity-reported-milestone = ✅ { $person } reports the milestone “{ $milestone }” of <b>{ $title }</b> reached.
# the decisions register
reminder-response-outstanding = { $kind ->
    [decision] Decision
   *[recommendation] Recommendation
} <b>{ $number }</b> «{ $title }», adopted on { $date }: { $state } — { $status ->
    [sent] sent to the government, no response recorded yet.
    [under-consideration] the government is considering it; no acceptance recorded yet.
   *[none] no response from the government recorded yet.
} Please find out where it stands and tell the secretary.

# Minutes
minutes-header = 📝 <b>Minutes: { $title }</b>
minutes-attended = Attended ({ $count }): { $names }
minutes-no-outcome = (no outcome recorded)
minutes-draft-draft = a draft
minutes-draft-voting = put to the vote
minutes-draft-adopted = adopted
minutes-draft-rejected = not adopted
minutes-draft-withdrawn = withdrawn

sign-off-report-title = Annual progress report for { $year }
sign-off-prompt-title = ✍️ <b>For your approval: the annual progress report for { $year }</b>
sign-off-prompt-version = Version { $version } · content hash <code>{ $hash }</code>
sign-off-prompt-meetings = Sittings held: { $held } of the statute's minimum of { $minimum }{ $met ->
    [yes] {""}
   *[no] {" "}— minimum not met
}
sign-off-prompt-decisions = Recommendations and decisions adopted: { $count }
sign-off-prompt-program = Program “{ $title }”: { $progress }
sign-off-prompt-no-progress = no activity counted
sign-off-prompt-overdue = Overdue items: { $count }
sign-off-prompt-changes-title = <b>Changed since version { $version }, which you returned:</b>
sign-off-prompt-your-comment = Your comment then: <i>{ $comment }</i>
sign-off-prompt-no-changes = Nothing has changed since version { $version }, which you returned.
sign-off-change-text = { $section }: text changed (+{ $added } / −{ $removed } lines)
sign-off-change-formatting = { $section }: formatting changed
sign-off-change-figures = { $section }: { $figures }
sign-off-change-more = … and { $count } more figures
sign-off-change-more-lines = … and { $count } more changes: see the PDF
sign-off-button-approve = ✅ Approve
sign-off-button-changes = ✏️ Request changes
sign-off-button-confirm = Yes, approve version { $version }
sign-off-button-cancel = Cancel
sign-off-confirm-ask = Approve version { $version }? Press again to confirm.
sign-off-confirm-cancelled = Not approved: nothing was recorded.
sign-off-approved = ✅ You approved version { $version } of the annual report for { $year }. The report is now read-only; the secretary has been told.
sign-off-approved-answer = Approved: version { $version }
sign-off-comment-ask = What should be changed in version { $version }? Send your comment as one message (up to { $max } characters), or /cancel.
sign-off-comment-too-long = That is { $length } characters; please keep it within { $max }. Send it again, or /cancel.
sign-off-comment-cancelled = Cancelled: nothing was returned.
sign-off-returned = ↩️ The report for { $year } (version { $version }) has been returned to the secretary with your comment.
sign-off-refused-not-chairman = Only the chairman (or the deputy the chairman named) can approve or return this. Nothing was changed.
sign-off-refused-stale = This prompt is out of date: it has changed since version { $version }. Nothing was recorded; the secretary will send the current version.
sign-off-refused-answered = This version has already been answered: { $state }. Nothing was changed.
sign-off-refused-unknown = This request no longer exists.
sign-off-refused-comment = The comment must not be empty.
sign-off-state-approved = approved
sign-off-state-changes-requested = changes requested
sign-off-state-superseded = replaced by a newer version
sign-off-state-requested = waiting
sign-off-decided-approved = ✅ <b>{ $name }</b> approved version { $version } of the annual report for { $year }{ $capacity ->
    [deputy] {" "}as the chairman's deputy
   *[chairman] {""}
}. The report is now read-only.
sign-off-decided-changes = ↩️ <b>{ $name }</b> returned version { $version } of the annual report for { $year }{ $capacity ->
    [deputy] {" "}(as the chairman's deputy)
   *[chairman] {""}
} and asks for changes:
    <i>{ $comment }</i>
reminder-sign-off = The annual progress report for { $year } (version { $version }) is waiting for your approval since { $date }.
reminder-sign-off-escalation = The chairman has not yet answered on the annual progress report for { $year } (version { $version }), sent on { $date }.
sign-off-item-agenda = the agenda of “{ $title }”
sign-off-item-draft = the draft “{ $title }”
sign-off-prompt-agenda-title = ✍️ <b>For your approval: the agenda of “{ $title }”</b>
sign-off-prompt-agenda-when = 🗓 { $when }
sign-off-prompt-agenda-place = 📍 { $place }
sign-off-prompt-agenda-items = <b>Agenda:</b>
sign-off-prompt-agenda-after = The notices go out once you approve this agenda.
sign-off-prompt-draft-title = ✍️ <b>For your approval before the vote: the draft “{ $title }”</b>
sign-off-prompt-draft-after = The ballot opens on this version only once you approve it.
sign-off-prompt-draft-as-document = The full text is in the attached file.
sign-off-approved-item = ✅ You approved version { $version } of { $item }. The secretary has been told.
sign-off-returned-item = ↩️ Version { $version } of { $item } has been returned to the secretary with your comment.
sign-off-decided-approved-item = ✅ <b>{ $name }</b> approved version { $version } of { $item }{ $capacity ->
    [deputy] {" "}as the chairman's deputy
   *[chairman] {""}
}.
sign-off-decided-changes-item = ↩️ <b>{ $name }</b> returned version { $version } of { $item }{ $capacity ->
    [deputy] {" "}(as the chairman's deputy)
   *[chairman] {""}
} and asks for changes:
    <i>{ $comment }</i>
reminder-sign-off-item = Version { $version } of { $item } is waiting for your approval since { $date }.
reminder-sign-off-escalation-item = The chairman has not yet answered on version { $version } of { $item }, sent on { $date }.
section-meetings = Meetings held
section-decisions = Recommendations and decisions adopted
section-programs = Program progress
section-working-groups = Working groups
section-overdue = Overdue
report-doc-organisation = Collective Security Treaty Organization
report-doc-subtitle = Submitted to the Secretary General of the Organization
report-doc-col-meeting = Meeting
report-doc-col-date = Date
report-doc-col-present = Present
report-doc-col-states = States present
report-doc-col-number = No.
report-doc-col-title = Title
report-doc-col-adopted = Adopted
report-doc-col-votes = For / against / abstained
report-doc-col-direction = Direction
report-doc-col-progress = Progress
report-doc-col-activities = Activities
report-doc-col-done = Done
report-doc-col-overdue = Overdue
report-doc-col-group = Working group
report-doc-col-tasks = Tasks
report-doc-col-open = Open
report-doc-col-due = Due
report-doc-col-days = Days overdue
report-doc-sittings = Sittings held: { $held } (the statute's minimum is { $minimum }).
report-doc-adopted = Recommendations adopted: { $recommendations }; decisions adopted: { $decisions }.
report-doc-overdue = Overdue: { $activities } activities and { $tasks } tasks, as of { $date }.
report-doc-nothing = No records.
