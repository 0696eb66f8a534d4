#!/usr/bin/env node
/*
 * A simulated Flux cluster for tutorials: an HTTP server on 127.0.0.1 answering the part of the Kubernetes API that
 * `kalypso check --kubeconfig` reads — Flux `source.toolkit.fluxcd.io/v1` GitRepositories and
 * `kustomize.toolkit.fluxcd.io/v1` Kustomizations — for one cluster of one cluster type. Like Flux on a real cluster,
 * it pulls one branch of the platform GitOps repository (here a local git repository) and reports that it applied the
 * branch's newest commit (`lastAppliedRevision: <branch>@sha1:<head>`), read again on every request.
 *
 *   node simulated-cluster.mjs start --kubeconfig FILE --context NAME --repository PATH --branch NAME --cluster-type NAME
 *   node simulated-cluster.mjs stop --kubeconfig FILE
 *
 * See README.md beside this file. Plain Node (20 or later), no dependencies.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer } from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const EXTENSION = 'kalypso-cdk8s/simulated-cluster';
const USAGE = `Usage:
  node simulated-cluster.mjs start --kubeconfig FILE --context NAME --repository PATH --branch NAME --cluster-type NAME
                                   [--url URL] [--delay SECONDS] [--fail] [--lifetime SECONDS]
  node simulated-cluster.mjs stop --kubeconfig FILE

start   serves one simulated cluster in the background and adds its context to the kubeconfig FILE (created when
        missing; other contexts are kept)
stop    stops every simulated cluster of the kubeconfig FILE

  --repository PATH    the local git repository the cluster pulls (the platform GitOps repository)
  --branch NAME        the branch it pulls (the environment's GitOpsRepo branch)
  --cluster-type NAME  the folder it applies (./NAME), as a cluster of that type does
  --url URL            the URL its GitRepository names [default: file://<absolute repository path>]
  --delay SECONDS      report a new commit as applied only this long after it was first seen [default: 0]
  --fail               fail to apply every commit after the first one seen (health check failed)
  --lifetime SECONDS   stop by itself after this long [default: 3600]`;

const FLAGS = ['kubeconfig', 'context', 'repository', 'branch', 'cluster-type', 'url', 'delay', 'lifetime'];

function fail(message) {
  process.stderr.write(`simulated-cluster: ${message}\n`);
  process.exit(2);
}

function parse(argv) {
  const [command, ...rest] = argv;
  const options = { fail: false };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i].replace(/^--/, '');
    if (flag === 'fail') options.fail = true;
    else if (FLAGS.includes(flag) && i + 1 < rest.length) options[flag] = rest[++i];
    else fail(`unknown or incomplete option ${rest[i]}\n${USAGE}`);
  }
  return { command, options };
}

function required(options, names) {
  const missing = names.filter((name) => !options[name]);
  if (missing.length > 0) fail(`missing ${missing.map((name) => `--${name}`).join(', ')}\n${USAGE}`);
}

/** The kubeconfig as JSON (a kubeconfig is YAML, and JSON is YAML); an empty one when the file does not exist. */
function readKubeconfig(file) {
  if (!fs.existsSync(file)) return { apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [] };
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return fail(`${file} is not a kubeconfig this script wrote; give another --kubeconfig file`);
  }
}

function writeKubeconfig(file, config) {
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

/** Adds (or replaces) one context reaching `server` with `token`, remembering the pid that serves it. */
function addContext(file, { context, server, token, pid }) {
  const config = readKubeconfig(file);
  const others = (list) => (list ?? []).filter((entry) => entry.name !== context);
  config.clusters = [
    ...others(config.clusters),
    {
      name: context,
      cluster: {
        server,
        'insecure-skip-tls-verify': true,
        extensions: [{ name: EXTENSION, extension: { pid } }],
      },
    },
  ];
  config.users = [...others(config.users), { name: context, user: { token } }];
  config.contexts = [...others(config.contexts), { name: context, context: { cluster: context, user: context } }];
  config['current-context'] ||= context;
  writeKubeconfig(file, config);
}

/** `start`: runs `serve` detached, waits until it listens and wrote the kubeconfig, then returns. */
function start(options) {
  required(options, ['kubeconfig', 'context', 'repository', 'branch', 'cluster-type']);
  const args = [fileURLToPath(import.meta.url), 'serve', ...process.argv.slice(3)];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (output.includes('\n')) {
      const line = output.split('\n')[0];
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      if (!line.startsWith('listening ')) {
        process.stderr.write(`${line}\n`);
        process.exit(2);
      }
      process.stdout.write(
        `simulated cluster "${options.context}" (${options['cluster-type']}, pulling ${options.branch}) ${line}, pid ${child.pid}\n`,
      );
    }
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  child.on('exit', (code) => {
    if (!output.includes('\n')) fail(`the cluster stopped at once (exit ${code}): ${output}`);
  });
}

/** `stop`: ends the processes serving the kubeconfig's simulated clusters. */
function stop(options) {
  required(options, ['kubeconfig']);
  const config = readKubeconfig(options.kubeconfig);
  for (const cluster of config.clusters ?? []) {
    const pid = cluster.cluster?.extensions?.find((entry) => entry.name === EXTENSION)?.extension?.pid;
    if (!pid) continue;
    try {
      process.kill(pid, 'SIGTERM');
      process.stdout.write(`stopped simulated cluster "${cluster.name}" (pid ${pid})\n`);
    } catch {
      process.stdout.write(`simulated cluster "${cluster.name}" (pid ${pid}) was not running\n`);
    }
    delete cluster.cluster.extensions;
  }
  writeKubeconfig(options.kubeconfig, config);
}

/** The newest commit of the branch, or undefined when the branch does not exist. */
function head(repository, branch) {
  try {
    return execFileSync(
      'git',
      ['--git-dir', repository, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    ).trim();
  } catch {
    return undefined;
  }
}

function hasFolder(repository, commit, folder) {
  try {
    execFileSync('git', ['--git-dir', repository, 'cat-file', '-e', `${commit}:${folder}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const condition = (type, status, reason, message) => ({
  type,
  status,
  reason,
  message,
  observedGeneration: 1,
  lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
});

/**
 * What Flux on the cluster reports now. The first commit seen counts as applied already (the cluster was running
 * before); each newer one is reconciled for `delay` seconds, then applied (or failed, with `--fail`).
 */
class SimulatedFlux {
  constructor(options) {
    this.repository = path.resolve(options.repository);
    this.branch = options.branch;
    this.clusterType = options['cluster-type'];
    this.url = options.url ?? `file://${this.repository}`;
    this.delayMs = Number(options.delay ?? 0) * 1000;
    this.failNew = options.fail;
    this.seen = new Map();
    this.applied = undefined;
  }

  objects() {
    const commit = head(this.repository, this.branch);
    const revision = (sha) => `${this.branch}@sha1:${sha}`;
    const metadata = (name) => ({ name, namespace: 'flux-system', generation: 1 });
    const gitRepository = {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: metadata('platform-gitops'),
      spec: { interval: '1m0s', url: this.url, ref: { branch: this.branch } },
      status: {
        observedGeneration: 1,
        ...(commit ? { artifact: { revision: revision(commit) } } : {}),
        conditions: [
          commit
            ? condition('Ready', 'True', 'Succeeded', `stored artifact for revision '${revision(commit)}'`)
            : condition('Ready', 'False', 'GitOperationFailed', `couldn't find remote ref "refs/heads/${this.branch}"`),
        ],
      },
    };
    const kustomization = {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: metadata(this.clusterType),
      spec: {
        interval: '10m0s',
        path: `./${this.clusterType}`,
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'platform-gitops' },
      },
      status: commit ? this.status(commit, revision) : { observedGeneration: 1, conditions: [] },
    };
    return { gitRepositories: [gitRepository], kustomizations: [kustomization] };
  }

  status(commit, revision) {
    if (!this.seen.has(commit)) this.seen.set(commit, Date.now());
    const first = this.seen.size === 1;
    const previous = this.applied ? { lastAppliedRevision: revision(this.applied) } : {};
    const attempted = { observedGeneration: 1, lastAttemptedRevision: revision(commit) };
    if (!first && Date.now() - this.seen.get(commit) < this.delayMs) {
      return {
        ...attempted,
        ...previous,
        conditions: [condition('Ready', 'Unknown', 'Progressing', 'Reconciliation in progress')],
      };
    }
    if (!hasFolder(this.repository, commit, this.clusterType)) {
      const message = `kustomization path not found: stat /tmp/kustomization/${this.clusterType}: no such file or directory`;
      return { ...attempted, ...previous, conditions: [condition('Ready', 'False', 'BuildFailed', message)] };
    }
    if (!first && this.failNew && commit !== this.applied) {
      const message = `health check failed after 30s: timeout waiting for: [Deployment/${this.clusterType}/app status: 'InProgress']`;
      return { ...attempted, ...previous, conditions: [condition('Ready', 'False', 'HealthCheckFailed', message)] };
    }
    this.applied = commit;
    return {
      ...attempted,
      lastAppliedRevision: revision(commit),
      conditions: [condition('Ready', 'True', 'ReconciliationSucceeded', `Applied revision: ${revision(commit)}`)],
    };
  }
}

const RESOURCES = {
  'kustomize.toolkit.fluxcd.io/v1/kustomizations': ['Kustomization', 'kustomizations'],
  'source.toolkit.fluxcd.io/v1/gitrepositories': ['GitRepository', 'gitRepositories'],
};

const statusBody = (code, reason, message) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  code,
});

/** Answers one request as the Kubernetes API server does: lists and gets, all namespaces or one. */
function answer(flux, token, request) {
  if (request.headers.authorization !== `Bearer ${token}`)
    return [401, statusBody(401, 'Unauthorized', 'Unauthorized')];
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const match = /^\/apis\/([^/]+)\/([^/]+)\/(?:namespaces\/([^/]+)\/)?([^/]+)(?:\/([^/]+))?$/.exec(url.pathname);
  const resource = match && RESOURCES[`${match[1]}/${match[2]}/${match[4]}`];
  if (request.method !== 'GET' || !resource)
    return [404, statusBody(404, 'NotFound', 'the server could not find the requested resource')];
  const [, group, version, namespace, plural, name] = match;
  const items = flux.objects()[resource[1]].filter((item) => !namespace || item.metadata.namespace === namespace);
  if (name === undefined)
    return [200, { apiVersion: `${group}/${version}`, kind: `${resource[0]}List`, metadata: {}, items }];
  const found = items.find((item) => item.metadata.name === name);
  return found ? [200, found] : [404, statusBody(404, 'NotFound', `${plural}.${group} "${name}" not found`)];
}

/** `serve`: the cluster itself, in the foreground. */
function serve(options) {
  required(options, ['kubeconfig', 'context', 'repository', 'branch', 'cluster-type']);
  if (!fs.existsSync(path.join(options.repository, 'HEAD')) && !fs.existsSync(path.join(options.repository, '.git')))
    fail(`${options.repository} is not a git repository`);
  const flux = new SimulatedFlux(options);
  flux.objects(); // the commit the cluster runs when it starts counts as applied
  const token = randomBytes(24).toString('hex');
  const server = createServer((request, response) => {
    const [code, body] = answer(flux, token, request);
    response.writeHead(code, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${server.address().port}`;
    addContext(options.kubeconfig, { context: options.context, server: url, token, pid: process.pid });
    process.stdout.write(`listening on ${url}\n`);
  });
  const lifetime = setTimeout(() => process.exit(0), Number(options.lifetime ?? 3600) * 1000);
  lifetime.unref();
  process.on('SIGTERM', () => process.exit(0));
}

const { command, options } = parse(process.argv.slice(2));
if (command === 'start') start(options);
else if (command === 'stop') stop(options);
else if (command === 'serve') serve(options);
else fail(USAGE);
