import { render } from 'solid-js/web';
import { App, firstPageCode } from './app';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Rendered once the first page's code is in: rendered before it, the header would show for a frame
// with a loading line where the page goes. If that code fails, the app renders all the same and
// the page's error boundary says what failed.
void firstPageCode(location.pathname)
  .catch(() => undefined)
  .then(() => render(() => <App />, root));
