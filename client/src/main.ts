// Entry point: the page frame, then the router renders the page of the URL.
import './styles.css';
import './components.css';
import './pages.css';
import './media.css';
import { createShell } from './components/shell.ts';
import { pages } from './pages/index.ts';
import { startRouter } from './router.ts';

startRouter(createShell(document.body, pages), pages);
