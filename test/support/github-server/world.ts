/**
 * Everything one fake GitHub server knows: accounts, repositories, the id sequence and the clock.
 */
import { isoDate } from './git-store';
import { RepoState, UserState } from './state';

export interface CreateRepoOptions {
  /** @default 'main' */
  readonly defaultBranch?: string;
  /** @default false */
  readonly private?: boolean;
}

export class World {
  /** Lower-cased `owner/repo` → repository. */
  public readonly repos = new Map<string, RepoState>();
  /** Lower-cased login → account. */
  private readonly users = new Map<string, UserState>();
  private lastId = 1000;

  constructor(
    /** Origin the API answers on, e.g. `http://127.0.0.1:43121`; API URLs in bodies and `Link` start with it. */
    public readonly apiUrl: string,
    /** The account the configured token belongs to. */
    public readonly viewer: UserState,
    private readonly clock: () => Date,
  ) {
    this.users.set(viewer.login.toLowerCase(), viewer);
  }

  /** Web URLs in bodies (`html_url`) look like GitHub's; nothing ever fetches them. */
  public readonly htmlUrl = 'https://github.com';

  public nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  public now(): string {
    return isoDate(this.clock());
  }

  /** The account with this login, created as a plain user on first use. */
  public user(login: string, type: UserState['type'] = 'User'): UserState {
    const key = login.toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      const id = this.nextId();
      user = { login, id, type, name: login, email: `${id}+${login}@users.noreply.github.com` };
      this.users.set(key, user);
    }
    return user;
  }

  /** The account whose commit email is `email`, as GitHub links commits to users. */
  public userByEmail(email: string): UserState | undefined {
    return [...this.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  public repo(owner: string, name: string): RepoState | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  public createRepo(owner: string, name: string, options: CreateRepoOptions = {}): RepoState {
    const key = `${owner}/${name}`.toLowerCase();
    if (this.repos.has(key)) {
      throw new Error(`repository ${owner}/${name} already exists in the fake GitHub`);
    }
    const ownerUser = this.user(
      owner,
      owner.toLowerCase() === this.viewer.login.toLowerCase() ? this.viewer.type : 'Organization',
    );
    const repo = new RepoState(
      this.nextId(),
      ownerUser,
      name,
      options.defaultBranch ?? 'main',
      options.private ?? false,
      this.clock(),
    );
    this.repos.set(key, repo);
    return repo;
  }
}
