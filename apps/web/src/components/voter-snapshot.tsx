import { createUniqueId, For, Show } from 'solid-js';
import type { BallotSnapshot } from '../data';
import { useI18n } from '../i18n/context';
import { useStateName } from './state-name';

/** Who may vote, as recorded at the close (each state's accredited representatives then). */
export function VoterSnapshot(props: { view: BallotSnapshot }) {
  const { t } = useI18n();
  const stateName = useStateName();
  const headingId = createUniqueId();
  return (
    <Show when={props.view.ballot.voterSnapshot}>
      {(snapshot) => (
        <section aria-labelledby={headingId}>
          <h2 id={headingId}>{t('ballot.snapshot')}</h2>
          <dl class="facts">
            <For each={snapshot()}>
              {(entry) => (
                <>
                  <dt>{stateName(entry.stateCode)}</dt>
                  <dd>{entry.people.map((p) => p.name).join(', ') || t('common.none')}</dd>
                </>
              )}
            </For>
          </dl>
        </section>
      )}
    </Show>
  );
}
