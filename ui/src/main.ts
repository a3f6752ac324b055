import { mount } from 'svelte';
import { fontsReady } from './fonts';
import './app.css';
import App from './App.svelte';

// The first layout is made with the app's own fonts (fonts.ts), so nothing moves once they arrive.
const app = fontsReady().then(() => mount(App, { target: document.getElementById('app')! }));

export default app;
