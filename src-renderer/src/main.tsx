// Renderer entry: mounts the React app. DOM only; talks to main solely through src/platform.
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
// Tokens first: app.css only refers to them.
import './styles/tokens.css';
import './styles/app.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
