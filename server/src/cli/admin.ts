import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'

import { AccountId, CreateStaffRequest, LoginId, StaffRoleSchema } from '@atrium/common'

import { SYSTEM_ACTOR, type Actor } from '../services/audit/AuditLog.ts'
import type { Services } from '../services/createServices.ts'
import { openServicesFromEnv } from './openFromEnv.ts'

const USAGE = `Atrium admin (uses DATABASE_URL or ATRIUM_DATA_DIR like the server)

  npm run admin -- create-staff --role <advisor|educator|compliance|admin> --login <email|phone> --name <name> [--lang zh-CN|en] [--password <pw>]
  npm run admin -- list [--role <role>] [--q <search>]
  npm run admin -- disable <account id | login id>
  npm run admin -- enable <account id | login id>
  npm run admin -- set-role <account id | login id> <advisor|educator|compliance|admin>
  npm run admin -- revoke-sessions <account id | login id>

Without --password a strong one is generated and printed once. Every change is audited as 'system'.`

/** The command line is an operator with shell access: audited as the system actor. */
const CLI: Actor = SYSTEM_ACTOR

async function resolveId(s: Services, ref: string | undefined): Promise<string> {
  if (!ref) throw new Error('name an account id or login id')
  if (AccountId.safeParse(ref).success) return ref
  const login = LoginId.safeParse(ref)
  if (!login.success) throw new Error(`"${ref}" is neither an account id nor a login id`)
  const row = await s.db.db.selectFrom('users').select('id').where('login_id', '=', login.data).executeTakeFirst()
  if (!row) throw new Error(`no account with login id ${login.data}`)
  return row.id
}

async function run(s: Services, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      login: { type: 'string' },
      name: { type: 'string' },
      lang: { type: 'string' },
      password: { type: 'string' },
      q: { type: 'string' },
    },
  })
  const [command, ...rest] = positionals
  switch (command) {
    case 'create-staff': {
      const generated = values.password === undefined
      const password = values.password ?? randomBytes(15).toString('base64url')
      const parsed = CreateStaffRequest.safeParse({
        role: values.role,
        loginId: values.login,
        displayName: values.name,
        lang: values.lang ?? 'zh-CN',
        password,
      })
      if (!parsed.success)
        throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
      const user = await s.accounts.createStaff(parsed.data, CLI)
      console.log(`created ${user.role} ${user.id} (${user.login_id})`)
      if (generated) console.log(`password (shown once): ${password}`)
      return
    }
    case 'list': {
      const { users, total } = await s.accounts.list({
        role: values.role as never,
        q: values.q,
        limit: 200,
        offset: 0,
      })
      for (const u of users)
        console.log(
          `${u.id}  ${u.role.padEnd(10)} ${u.disabled ? 'disabled' : 'active  '} ${u.login_id}  ${u.display_name}`,
        )
      console.log(`${total} account(s)`)
      return
    }
    case 'disable':
    case 'enable': {
      const id = await resolveId(s, rest[0])
      await s.accounts.adminUpdate(id, { disabled: command === 'disable' }, CLI)
      console.log(`${command}d ${id}`)
      return
    }
    case 'set-role': {
      const id = await resolveId(s, rest[0])
      const role = StaffRoleSchema.parse(rest[1])
      await s.accounts.adminUpdate(id, { role }, CLI)
      console.log(`${id} is now ${role}`)
      return
    }
    case 'revoke-sessions': {
      const id = await resolveId(s, rest[0])
      console.log(`ended ${await s.sessions.endAll(id, 'revoked', CLI)} session(s) of ${id}`)
      return
    }
    default:
      console.log(USAGE)
      if (command !== undefined && command !== 'help') process.exitCode = 2
  }
}

const services = await openServicesFromEnv()
try {
  await run(services, process.argv.slice(2))
} catch (e) {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
} finally {
  await services.db.close()
}
