using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Data : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "import_id",
                table: "expenses",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true
            );

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(
                        type: "character(64)",
                        fixedLength: true,
                        maxLength: 64,
                        nullable: false
                    ),
                    content_type = table.Column<string>(
                        type: "character varying(32)",
                        maxLength: 32,
                        nullable: false
                    ),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    uploaded_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    detached_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    detached_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    detached_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipts", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_receipts_one_uploader",
                        "(uploaded_by_user_id IS NULL) <> (uploaded_by_client_id IS NULL)"
                    );
                    table.CheckConstraint("ck_receipts_size_positive", "size_bytes > 0");
                    table.ForeignKey(
                        name: "fk_receipts_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateIndex(
                name: "ix_expenses_group_id_import_id",
                table: "expenses",
                columns: new[] { "group_id", "import_id" },
                unique: true,
                filter: "import_id IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_receipts_group_id_expense_id",
                table: "receipts",
                columns: new[] { "group_id", "expense_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_receipts_sha256",
                table: "receipts",
                column: "sha256"
            );

            // Hand-written (keep when the migration is regenerated): the receipts' user
            // foreign keys, which EF cannot model (ReceiptUserForeignKeys).
            ReceiptUserForeignKeys.Add(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written (keep when the migration is regenerated): see Up.
            ReceiptUserForeignKeys.Drop(migrationBuilder);

            migrationBuilder.DropTable(name: "receipts");

            migrationBuilder.DropIndex(name: "ix_expenses_group_id_import_id", table: "expenses");

            migrationBuilder.DropColumn(name: "import_id", table: "expenses");
        }
    }
}
