/**
 * Words MySQL 8 or MariaDB reserve, which must be quoted as identifiers, from the
 * servers' keyword lists (https://dev.mysql.com/doc/refman/8.0/en/keywords.html, the
 * words marked (R); https://mariadb.com/kb/en/reserved-words/, with its Oracle-mode
 * words), as SQLAlchemy's RESERVED_WORDS_MYSQL and RESERVED_WORDS_MARIADB hold them.
 *
 * One set for both servers: a statement may be compiled before the first connect tells
 * MySQL from MariaDB, and quoting a word only one of them reserves is harmless.
 */
const COMMON =
  "accessible add all alter analyze and as asc asensitive before between bigint binary blob both by call " +
  "cascade case change char character check collate column condition constraint continue convert create " +
  "cross current_date current_time current_timestamp current_user cursor database databases day_hour " +
  "day_microsecond day_minute day_second dec decimal declare default delayed delete desc describe " +
  "deterministic distinct distinctrow div double drop dual each else elseif enclosed escaped except exists " +
  "exit explain false fetch float float4 float8 for force foreign from fulltext general grant group having " +
  "high_priority hour_microsecond hour_minute hour_second if ignore ignore_server_ids in index infile inner " +
  "inout insensitive insert int int1 int2 int3 int4 int8 integer interval into is iterate join key keys kill " +
  "leading leave left like limit linear lines load localtime localtimestamp lock long longblob longtext loop " +
  "low_priority master_heartbeat_period master_ssl_verify_server_cert match maxvalue mediumblob mediumint " +
  "mediumtext middleint minute_microsecond minute_second mod modifies natural no_write_to_binlog not null " +
  "numeric on optimize option optionally or order out outer outfile over partition precision primary " +
  "procedure purge range read read_write reads real recursive references regexp release rename repeat " +
  "replace require resignal restrict return revoke right rlike row_number rows schema schemas " +
  "second_microsecond select sensitive separator set show signal slow smallint spatial specific sql " +
  "sql_big_result sql_calc_found_rows sql_small_result sqlexception sqlstate sqlwarning ssl starting " +
  "straight_join system table terminated then tinyblob tinyint tinytext to trailing trigger true undo union " +
  "unique unlock unsigned update usage use using utc_date utc_time utc_timestamp values varbinary varchar " +
  "varcharacter varying when where while window with write xor year_month zerofill";

const MYSQL_ONLY =
  "admin array cube cume_dist dense_rank empty first_value function generated get get_master_public_key " +
  "grouping groups io_after_gtids io_before_gtids json_table lag last_value lateral lead master_bind member " +
  "nth_value ntile of optimizer_costs parse_gcol_expr percent_rank persist persist_only rank role row " +
  "sql_after_gtids sql_before_gtids stored virtual";

const MARIADB_ONLY =
  "current_role do_domain_ids ignore_domain_ids intersect offset page_checksum parse_vcol_expr position " +
  "ref_system_id returning stats_auto_recalc stats_persistent stats_sample_pages " +
  // Oracle mode
  "body elsif goto history others package period raise rowtype system_time versioning without";

export const MYSQL_RESERVED_WORDS: ReadonlySet<string> = new Set(
  `${COMMON} ${MYSQL_ONLY} ${MARIADB_ONLY}`.split(" "),
);
