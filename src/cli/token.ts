/** `recgraph token`: a bearer token signed with the secret the server verifies with. */
import { Option, type Command } from 'commander';
import { authOptions } from '../auth/secret.ts';
import { ROLES, signToken, type SignedRole } from '../auth/viewer.ts';
import { cliContext } from './with-database.ts';

export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description(
      'print a bearer token signed with the local development secret (or RECGRAPH_JWT_SECRET); the token is the last line',
    )
    .addOption(
      new Option('--role <role>', 'the role it grants').choices(ROLES).makeOptionMandatory(),
    )
    .option('--state <iso3...>', 'states a COMMITTEE token works for', [])
    .option('--name <name>', 'who it names (reviewedBy, audit entries)')
    .option('--expires <duration>', 'how long it is valid ("12h", "30d")', '12h')
    .action(
      async (options: { role: SignedRole; state: string[]; name?: string; expires: string }) => {
        const { config } = cliContext();
        // The secret the server verifies with (none when it takes tokens from a JWKS).
        const secret = authOptions(config.auth).jwtSecret;
        if (!secret) {
          throw new Error(
            'RECGRAPH_JWKS_URL is set: tokens come from that identity provider, not from recgraph',
          );
        }
        const states = options.state.map((s) => s.toUpperCase());
        const bad = states.find((s) => !/^[A-Z]{3}$/u.test(s));
        if (bad) throw new Error(`--state ${bad}: expected an ISO 3166 alpha-3 code such as SVN`);
        if (options.role === 'COMMITTEE' && states.length === 0) {
          throw new Error('a COMMITTEE token needs at least one --state');
        }
        const name =
          options.name ??
          `${options.role.toLowerCase()}${states.length ? `-${states.join('-')}` : ''}`;
        console.error(
          `role ${options.role}${states.length ? `, states ${states.join(' ')}` : ''}, name ${name}, valid ${options.expires}; send as "Authorization: Bearer <token>"`,
        );
        console.log(
          await signToken({ secret, role: options.role, states, name, expiresIn: options.expires }),
        );
      },
    );
}
