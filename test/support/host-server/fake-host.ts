/**
 * What the tests of every adapter drive a fake host with, whatever the host: seed branches, read them back, open a
 * request as a person would, post a status as Flux's notification-controller would on this host, inject faults.
 */
import { FakeRequest, FakeStatus } from './repo-state';
import { HostServer } from './server';

export interface FakeHost {
  readonly server: HostServer;
  /** The repository URL the adapter is given, and the owner/name its coordinates resolve to in the fake. */
  readonly owner: string;
  readonly name: string;
  seed(branch: string, files: Readonly<Record<string, string>>): string;
  read(branch: string): Record<string, string>;
  branchSha(branch: string): string | undefined;
  /** Opens a request from `head` into `base` by another account; returns its number. */
  openForeignRequest(request: { head: string; base: string; title: string; body: string }): number;
  requests(): FakeRequest[];
  /** Statuses set on a commit, oldest first. */
  statuses(sha: string): FakeStatus[];
  /** Posts what Flux posts for Flux commit status id `id` (`kustomization/<name>/<cluster id>`). */
  postFluxStatus(sha: string, id: string, healthy: boolean, description: string): void;
  close(): Promise<void>;
}

/** The parts of `FakeHost` every host implements the same way over a `HostServer` repository. */
export abstract class FakeHostBase implements FakeHost {
  protected constructor(
    public readonly server: HostServer,
    public readonly owner: string,
    public readonly name: string,
  ) {}

  protected get repo() {
    return this.server.repo(this.owner, this.name);
  }

  public seed(branch: string, files: Readonly<Record<string, string>>): string {
    return this.repo.seed(branch, files);
  }

  public read(branch: string): Record<string, string> {
    return this.repo.read(branch);
  }

  public branchSha(branch: string): string | undefined {
    return this.repo.branches.get(branch);
  }

  public openForeignRequest(request: { head: string; base: string; title: string; body: string }): number {
    const repo = this.repo;
    const number = repo.nextNumber();
    const now = new Date().toISOString();
    repo.requests.push({
      number,
      id: repo.nextId(),
      state: 'open',
      ...request,
      author: 'someone-else',
      labels: [],
      createdAt: now,
      updatedAt: now,
    });
    return number;
  }

  public requests(): FakeRequest[] {
    return this.repo.requests.map((request) => ({ ...request, labels: [...request.labels] }));
  }

  public statuses(sha: string): FakeStatus[] {
    return this.repo.statuses.filter((status) => status.sha === sha);
  }

  public abstract postFluxStatus(sha: string, id: string, healthy: boolean, description: string): void;

  public close(): Promise<void> {
    return this.server.close();
  }

  protected pushStatus(status: Omit<FakeStatus, 'id' | 'createdAt' | 'creator'> & { creator?: string }): void {
    const repo = this.repo;
    repo.statuses.push({ id: repo.nextId(), createdAt: new Date().toISOString(), creator: 'flux', ...status });
  }
}
