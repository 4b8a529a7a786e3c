import type { MeetingStatus } from '@accord/domain';
import { useI18n } from '../i18n/context';
import { MEETING_STATUS_LABELS } from '../i18n/labels';

/** A meeting's status as a coloured label; the colour only repeats what the text says. */
export function StatusBadge(props: { status: MeetingStatus }) {
  const { t } = useI18n();
  return <span class={`badge badge-${props.status}`}>{t(MEETING_STATUS_LABELS[props.status])}</span>;
}
