/** Imported first by tests of the host-side panels: from here on `require('vscode')` is the fake. */
import { installFakeVscode } from './fake-vscode';

installFakeVscode();
