import{C as e,E as t,Et as n,N as r,Or as i,Pr as a,Pt as o,Y as s,a as c,c as l,dn as u,l as d,n as f,o as p,r as m,s as h,ti as g,v as _}from"./index-eZd5Ttaf.js";import{t as v}from"./radio-lLnBARtq.js";import{t as y}from"./space-BLuJt17u.js";import{t as b}from"./date-picker-CeKmQSb9.js";import{t as x}from"./list-BrWI6-Ft.js";import{t as S}from"./select-CRb9YZ4x.js";import{t as C}from"./tag-CpyRA8Nb.js";var w=g(s(),1),T=m(),E=l(`
  query MyDelegations {
    delegations(includeEnded: true) {
      id
      startsAt
      endsAt
      revokedAt
      note
      isActive
      head {
        id
        displayName
      }
      delegate {
        id
        displayName
      }
    }
    users(first: 100) {
      edges {
        node {
          id
          displayName
          department {
            id
            name
          }
        }
      }
    }
  }
`),D=l(`
  mutation SetDelegate($input: SetDelegateInput!) {
    setDelegate(input: $input) {
      id
    }
  }
`),O=l(`
  mutation RevokeDelegation($id: ID!) {
    revokeDelegation(id: $id) {
      id
      revokedAt
      isActive
    }
  }
`);function k({"aria-required":e,...t}){return(0,T.jsx)(S,{showSearch:!0,optionFilterProp:`label`,...t})}function A(){let{t:s,language:c}=d(),{message:l}=n.useApp(),{viewer:m}=f(),[h]=t.useForm(),{data:g}=a(E),[v,S]=i(D,{refetchQueries:[E]}),[A,j]=i(O),M=(g?.users.edges??[]).filter(({node:e})=>e.id!==m.id).map(({node:e})=>({value:e.id,label:`${e.displayName}${e.department?` · ${e.department.name}`:``}`})),N=async e=>{await v({variables:{input:{delegateId:e.delegateId,startsAt:e.period[0].toISOString(),endsAt:e.period[1].toISOString(),note:e.note??``}}}).catch(()=>null)&&(h.resetFields(),l.success(s(`delegation.set`)))},P=S.error??j.error,F=(g?.delegations??[]).filter(e=>e.head?.id===m.id);return(0,T.jsxs)(r,{size:`small`,title:s(`delegation.title`),"data-testid":`delegation-card`,children:[P&&(0,T.jsx)(u,{type:`error`,showIcon:!0,message:p(P,s,c),style:{marginBottom:12}}),(0,T.jsxs)(t,{form:h,layout:`vertical`,onFinish:e=>void N(e),children:[(0,T.jsx)(t.Item,{label:s(`delegation.delegate`),name:`delegateId`,rules:[{required:!0,message:s(`field.required`,{label:s(`delegation.delegate`)})}],children:(0,T.jsx)(k,{options:M,placeholder:s(`field.select`)})}),(0,T.jsx)(t.Item,{label:s(`delegation.period`),name:`period`,rules:[{required:!0,message:s(`field.required`,{label:s(`delegation.period`)})}],children:(0,T.jsx)(b.RangePicker,{showTime:{format:`HH:mm`},format:`YYYY-MM-DD HH:mm`,style:{width:`100%`},"aria-label":s(`delegation.period`)})}),(0,T.jsx)(t.Item,{label:s(`delegation.note`),name:`note`,children:(0,T.jsx)(e,{maxLength:200})}),(0,T.jsx)(o,{type:`primary`,htmlType:`submit`,loading:S.loading,children:s(`delegation.submit`)})]}),(0,T.jsx)(x,{style:{marginTop:12},size:`small`,dataSource:F,locale:{emptyText:(0,T.jsx)(_.Text,{type:`secondary`,children:s(`common.none`)})},renderItem:e=>(0,T.jsx)(x.Item,{actions:e.isActive||!e.revokedAt&&(0,w.default)(e.endsAt).isAfter((0,w.default)())?[(0,T.jsx)(o,{size:`small`,danger:!0,loading:j.loading,onClick:()=>void A({variables:{id:e.id}}).then(()=>l.success(s(`delegation.revoked`))).catch(()=>null),children:s(`delegation.revoke`)},`revoke`)]:[],children:(0,T.jsxs)(y,{wrap:!0,children:[(0,T.jsx)(_.Text,{strong:!0,children:e.delegate?.displayName}),(0,T.jsxs)(_.Text,{children:[(0,w.default)(e.startsAt).format(`YYYY-MM-DD HH:mm`),` – `,(0,w.default)(e.endsAt).format(`YYYY-MM-DD HH:mm`)]}),e.isActive&&(0,T.jsx)(C,{color:`green`,children:s(`delegation.active`)}),e.revokedAt&&(0,T.jsx)(C,{children:s(`delegation.revokedTag`)}),e.note&&(0,T.jsx)(_.Text,{type:`secondary`,children:e.note})]})})})]})}var j=l(`
  mutation CreateSuggestion($input: CreateSuggestionInput!) {
    createSuggestion(input: $input) {
      id
    }
  }
`);function M(){let{t:a,language:s}=d(),{message:c}=n.useApp(),[l]=t.useForm(),[f,{loading:m,error:h}]=i(j),g=e=>[{required:!0,whitespace:!0,message:a(`field.required`,{label:e})}],_=async e=>{await f({variables:{input:{painPoint:e.painPoint,proposal:e.proposal,expectedEffect:e.expectedEffect??``}}}).catch(()=>null)&&(l.resetFields(),c.success(a(`suggestion.sent`)))};return(0,T.jsxs)(r,{size:`small`,title:a(`suggestion.title`),"data-testid":`suggestion-card`,children:[h&&(0,T.jsx)(u,{type:`error`,showIcon:!0,message:p(h,a,s),style:{marginBottom:12}}),(0,T.jsxs)(t,{form:l,layout:`vertical`,onFinish:e=>void _(e),children:[(0,T.jsx)(t.Item,{label:a(`suggestion.painPoint`),name:`painPoint`,rules:g(a(`suggestion.painPoint`)),children:(0,T.jsx)(e.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,T.jsx)(t.Item,{label:a(`suggestion.proposal`),name:`proposal`,rules:g(a(`suggestion.proposal`)),children:(0,T.jsx)(e.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,T.jsx)(t.Item,{label:a(`suggestion.expectedEffect`),name:`expectedEffect`,children:(0,T.jsx)(e.TextArea,{autoSize:{minRows:1},maxLength:2e3})}),(0,T.jsx)(o,{type:`primary`,htmlType:`submit`,loading:m,children:a(`suggestion.submit`)})]})]})}var N=l(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`),P=l(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);function F(){let{t:a,language:s,setLanguage:l}=d(),{message:u}=n.useApp(),{viewer:m,replaceToken:g}=f(),[b]=i(N),[x,{loading:S}]=i(P),[C]=t.useForm(),w=async e=>{l(e),await b({variables:{language:e}}).catch(t=>u.error(p(t,a,e)))},E=async e=>{try{let t=await x({variables:{input:{currentPassword:e.currentPassword,newPassword:e.newPassword}}});t.data&&g(t.data.changePassword.token),C.resetFields(),u.success(a(`account.changed`))}catch(e){let t=c(e),n=p(e,a,s);t?C.setFields([{name:t[0],errors:[h(e,a,s)]}]):u.error(n)}};return(0,T.jsxs)(y,{direction:`vertical`,size:16,style:{width:`100%`,maxWidth:560},children:[(0,T.jsxs)(_.Title,{level:1,style:{fontSize:22,margin:0},children:[a(`nav.account`),` · `,m.displayName]}),(0,T.jsx)(r,{size:`small`,title:a(`account.language`),children:(0,T.jsxs)(v.Group,{value:s,onChange:e=>void w(e.target.value),children:[(0,T.jsx)(v.Button,{value:`zh`,children:`简体中文`}),(0,T.jsx)(v.Button,{value:`en`,children:`English`})]})}),(0,T.jsx)(r,{size:`small`,title:a(`account.password`),children:(0,T.jsxs)(t,{form:C,layout:`vertical`,onFinish:e=>void E(e),children:[(0,T.jsx)(t.Item,{label:a(`account.current`),name:`currentPassword`,rules:[{required:!0}],children:(0,T.jsx)(e.Password,{autoComplete:`current-password`})}),(0,T.jsx)(t.Item,{label:a(`account.new`),name:`newPassword`,rules:[{required:!0,min:8,max:128}],children:(0,T.jsx)(e.Password,{autoComplete:`new-password`})}),(0,T.jsx)(t.Item,{label:a(`account.confirm`),name:`confirm`,dependencies:[`newPassword`],rules:[{required:!0},({getFieldValue:e})=>({validator:(t,n)=>n===e(`newPassword`)?Promise.resolve():Promise.reject(Error(a(`account.mismatch`)))})],children:(0,T.jsx)(e.Password,{autoComplete:`new-password`})}),(0,T.jsx)(o,{type:`primary`,htmlType:`submit`,loading:S,children:a(`account.save`)})]})}),m.role===`DEPT_HEAD`&&(0,T.jsx)(A,{}),(0,T.jsx)(M,{})]})}export{F as default};