import { isApiError } from '../api';
import { useI18n } from '../i18n/context';
import { fieldErrors } from '../lib/field-errors';
import { FormErrors } from './form-errors';

/**
 * A refused or failed action, announced at once: the API's reason in the reader's language, and
 * each problem with a field that the form does not show beside one of its `fields`.
 */
export function FailureNotice(props: { error: unknown; fields?: readonly string[] }) {
  const { issueText } = useI18n();
  const issues = () => (isApiError(props.error) ? fieldErrors(props.error.details, issueText) : {});
  const elsewhere = () => Object.entries(issues()).filter(([path]) => !props.fields?.includes(path));
  return (
    <div class="notice notice-error" role="alert">
      <FormErrors
        error={props.error}
        hasFieldErrors={Object.keys(issues()).length > elsewhere().length}
        otherErrors={elsewhere()}
      />
    </div>
  );
}
