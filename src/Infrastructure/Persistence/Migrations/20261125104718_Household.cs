using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Household : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    description = table.Column<string>(
                        type: "character varying(1000)",
                        maxLength: 1000,
                        nullable: true
                    ),
                    rotation = table.Column<string>(
                        type: "character varying(32)",
                        maxLength: 32,
                        nullable: false
                    ),
                    time_zone_id = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: true
                    ),
                    next_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    last_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    turn_sequence = table.Column<long>(type: "bigint", nullable: false),
                    history_sequence = table.Column<long>(type: "bigint", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    updated_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    frequency_day_of_month = table.Column<int>(type: "integer", nullable: true),
                    frequency_interval_days = table.Column<int>(type: "integer", nullable: true),
                    frequency_kind = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    frequency_weekday_mask = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chores", x => x.id);
                    table.CheckConstraint(
                        "ck_chores_personal_or_group",
                        "(group_id IS NULL) <> (owner_user_id IS NULL)"
                    );
                    table.CheckConstraint(
                        "ck_chores_time_zone",
                        "(group_id IS NULL) = (time_zone_id IS NOT NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_chores_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    archived_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    updated_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lists", x => x.id);
                    table.CheckConstraint(
                        "ck_lists_personal_or_group",
                        "(group_id IS NULL) <> (owner_user_id IS NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_lists_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "chore_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chore_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    completed_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    completed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    skipped_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    skipped_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chore_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_chore_assignments_chores_chore_id",
                        column: x => x.chore_id,
                        principalTable: "chores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_chore_assignments_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "chore_participants",
                columns: table => new
                {
                    chore_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    turns = table.Column<int>(type: "integer", nullable: false),
                    completions = table.Column<int>(type: "integer", nullable: false),
                    last_turn = table.Column<long>(type: "bigint", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chore_participants", x => new { x.chore_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_chore_participants_chores_chore_id",
                        column: x => x.chore_id,
                        principalTable: "chores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_chore_participants_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "list_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(
                        type: "character varying(200)",
                        maxLength: 200,
                        nullable: false
                    ),
                    quantity = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    position = table.Column<int>(type: "integer", nullable: false),
                    added_by = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    bought_by = table.Column<Guid>(type: "uuid", nullable: true),
                    bought_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    price_minor_units = table.Column<long>(type: "bigint", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    changed_at_revision = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    removed_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    removed_by = table.Column<Guid>(type: "uuid", nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_list_items_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_list_items_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "chore_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chore_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    occurred_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chore_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_chore_events_chore_assignments_assignment_id",
                        column: x => x.assignment_id,
                        principalTable: "chore_assignments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_chore_events_chores_chore_id",
                        column: x => x.chore_id,
                        principalTable: "chores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_chore_events_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_assignments_chore_id_due_date",
                table: "chore_assignments",
                columns: new[] { "chore_id", "due_date" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_assignments_group_id_assignee_user_id",
                table: "chore_assignments",
                columns: new[] { "group_id", "assignee_user_id" },
                filter: "status = 'Open'"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_events_assignment_id",
                table: "chore_events",
                column: "assignment_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_events_chore_id_sequence",
                table: "chore_events",
                columns: new[] { "chore_id", "sequence" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_events_group_id",
                table: "chore_events",
                column: "group_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_participants_group_id_user_id",
                table: "chore_participants",
                columns: new[] { "group_id", "user_id" },
                filter: "is_active"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chores_group_id_id",
                table: "chores",
                columns: new[] { "group_id", "id" },
                filter: "group_id IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chores_next_due_date_id",
                table: "chores",
                columns: new[] { "next_due_date", "id" },
                filter: "archived_at IS NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chores_owner_user_id_id",
                table: "chores",
                columns: new[] { "owner_user_id", "id" },
                filter: "owner_user_id IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_list_items_group_id",
                table: "list_items",
                column: "group_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_list_items_list_id_changed_at_revision",
                table: "list_items",
                columns: new[] { "list_id", "changed_at_revision" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_lists_group_id_id",
                table: "lists",
                columns: new[] { "group_id", "id" },
                filter: "group_id IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_lists_owner_user_id_id",
                table: "lists",
                columns: new[] { "owner_user_id", "id" },
                filter: "owner_user_id IS NOT NULL"
            );

            // Personal lists and chores reference their owner by a strongly typed id EF cannot
            // relate to Identity's key (as memberships do).
            migrationBuilder.AddForeignKey(
                name: "fk_lists_asp_net_users_owner_user_id",
                table: "lists",
                column: "owner_user_id",
                principalTable: "asp_net_users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict
            );

            migrationBuilder.AddForeignKey(
                name: "fk_chores_asp_net_users_owner_user_id",
                table: "chores",
                column: "owner_user_id",
                principalTable: "asp_net_users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "chore_events");

            migrationBuilder.DropTable(name: "chore_participants");

            migrationBuilder.DropTable(name: "list_items");

            migrationBuilder.DropTable(name: "chore_assignments");

            migrationBuilder.DropTable(name: "lists");

            migrationBuilder.DropTable(name: "chores");
        }
    }
}
