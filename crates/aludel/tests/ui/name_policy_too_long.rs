use aludel::Model;

#[derive(Model)]
#[aludel(policy(
    name = "a_policy_whose_name_is_much_longer_than_the_sixty_three_bytes_allowed",
    using = "true"
))]
struct T {
    id: i64,
}

fn main() {}
