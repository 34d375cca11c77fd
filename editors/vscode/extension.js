// The samverkan extension: a language client that starts `samverkan lsp`
// (stdio) for the YAML files of every folder that holds a samverkan.yaml.
// Plain JavaScript, nothing to build; packaged with `npx vsce package`.
'use strict';
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client = null;

// The command line: `samverkan lsp`, with --lang when a language is chosen.
function serverOptions(config) {
  const command = config.get('path') || 'samverkan';
  const args = ['lsp'];
  const language = config.get('language');
  if (language === 'sv' || language === 'en') args.push('--lang', language);
  return { command, args, transport: TransportKind.stdio };
}

// What the server reads in `initialize`: { lint, language }.
function initializationOptions(config) {
  const options = { lint: config.get('lint') !== false };
  const language = config.get('language');
  if (language === 'sv' || language === 'en') options.language = language;
  return options;
}

// The YAML files below each samverkan.yaml of the workspace; a repository
// found later is picked up by a restart (the command, or a settings change).
async function documentSelector() {
  const roots = await vscode.workspace.findFiles('**/samverkan.yaml', '**/{node_modules,.git}/**');
  const selector = [];
  for (const uri of roots) {
    const dir = path.dirname(uri.fsPath).split(path.sep).join('/');
    selector.push({ scheme: 'file', language: 'yaml', pattern: `${dir}/**/*.{yaml,yml}` });
  }
  return selector;
}

async function start() {
  const config = vscode.workspace.getConfiguration('samverkan');
  const selector = await documentSelector();
  if (selector.length === 0) return;
  client = new LanguageClient('samverkan', 'samverkan', serverOptions(config), {
    documentSelector: selector,
    initializationOptions: initializationOptions(config),
    // Files changed outside the editor (a git checkout, a pull) are re-read.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
  });
  await client.start();
}

async function stop() {
  if (!client) return;
  const running = client;
  client = null;
  await running.stop();
}

async function restart() {
  await stop();
  await start();
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('samverkan.restart', restart),
    // The options are the server's at `initialize`: a change restarts it.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (['samverkan.path', 'samverkan.lint', 'samverkan.language'].some((s) => event.affectsConfiguration(s)))
        restart();
    }),
  );
  return start();
}

function deactivate() {
  return stop();
}

// serverOptions and initializationOptions for tests/e2e/vscode_package.sh.
module.exports = { activate, deactivate, serverOptions, initializationOptions };
